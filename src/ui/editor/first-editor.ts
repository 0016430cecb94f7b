// The moment a page's first code editor exists (or failed to load). A first screen with an
// editor waits for it, not only for Monaco's code: under load the page can go idle between the
// code arriving and React making the editor, and what Lanes starts on its own (the stage, the
// service worker's precache) would then take the two cores from the editor (first-screen.ts).
import { loadMonaco } from "./load-monaco";

/** A page meant to show an editor that makes none (a lesson with no playground) stops waiting this long after Monaco's code arrived. */
const NO_EDITOR_MS = 3000;

let made: () => void = () => {};
const firstEditorMade = new Promise<void>((resolve) => (made = resolve));

/** Called by each editor as it is made or fails; only the first call counts. */
export function editorMade(): void {
  made();
}

/**
 * Starts loading Monaco now; resolves once the page's first editor was made (or could not be),
 * or NO_EDITOR_MS after Monaco's code arrived if none is. For `holdFirstScreen`.
 */
export function firstEditorShown(): Promise<void> {
  const noEditor = loadMonaco().then(() => new Promise<void>((resolve) => setTimeout(resolve, NO_EDITOR_MS)));
  return Promise.race([firstEditorMade, noEditor]);
}
