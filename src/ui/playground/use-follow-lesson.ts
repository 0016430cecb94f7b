import { useLayoutEffect, useRef, type RefObject } from "react";
import type { CodeEditorHandle } from "../editor/CodeEditor";

/**
 * The lesson's code may change under an open playground (the dev server, as its author saves the
 * file). With no draft (the editor still holds the lesson's previous code) the editor takes the
 * new code, changing only what differs, so the cursor stays put. With a draft nothing is
 * written: the draft now differs from the lesson's code, which the playground says (see
 * starter-change.ts). A layout effect, so no frame shows the old code beside the new prose.
 */
export function useFollowLesson(lessonCode: string, editor: RefObject<CodeEditorHandle | null>, fallbackText: string) {
  const followed = useRef(lessonCode);
  useLayoutEffect(() => {
    const before = followed.current;
    if (before === lessonCode) return;
    followed.current = lessonCode;
    const handle = editor.current;
    if ((handle?.text() ?? fallbackText) === before) handle?.follow(lessonCode);
    // Only a change of the lesson's code acts; the editor's own text is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lessonCode]);
}
