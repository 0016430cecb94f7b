// The moment a page's first code editor exists (or failed to load). A lesson's first screen
// waits for it, not only for Monaco's code: under load the page can go idle between the code
// arriving and React making the editor, and what Lanes starts on its own (the stage, the
// service worker's precache) would then take the two cores from the editor (first-screen.ts).

let made: () => void = () => {};

/** Resolves once the first editor of this page was made, or could not be. */
export const firstEditorMade: Promise<void> = new Promise((resolve) => (made = resolve));

/** Called by each editor as it is made or fails; only the first call counts. */
export function editorMade(): void {
  made();
}
