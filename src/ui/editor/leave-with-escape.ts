// No keyboard trap (WCAG 2.1.2). In a code editor Tab must indent, so Tab alone cannot leave it;
// as in VS Code, Escape arms the way out: the next Tab (or Shift+Tab) moves focus on, exactly as
// the browser would move it from any other field. Any other key disarms it, so a student who
// pressed Escape to close a suggestion and goes on typing indents as usual.
import type * as Monaco from "monaco-editor";

export interface LeaveWithEscape {
  dispose(): void;
}

/**
 * Listen on `host` (the element Monaco is created in) in the capture phase, so the armed Tab
 * never reaches Monaco's own keybindings and the browser's focus navigation does the rest.
 */
export function leaveWithEscape(host: HTMLElement, editor: Monaco.editor.IStandaloneCodeEditor): LeaveWithEscape {
  let armed = false;
  const onKeyDown = (event: KeyboardEvent) => {
    if (!editor.hasTextFocus()) return;
    if (event.key === "Escape") {
      armed = true;
      return;
    }
    if (event.key === "Tab" && armed && !event.ctrlKey && !event.altKey && !event.metaKey) {
      // Not preventDefault: the browser moves focus. stopPropagation: Monaco does not indent.
      event.stopPropagation();
      armed = false;
      return;
    }
    if (event.key !== "Shift") armed = false;
  };
  const blur = editor.onDidBlurEditorText(() => {
    armed = false;
  });
  host.addEventListener("keydown", onKeyDown, true);
  return {
    dispose() {
      blur.dispose();
      host.removeEventListener("keydown", onKeyDown, true);
    },
  };
}
