import { useCallback, useState, type RefObject } from "react";
import type { CodeEditorHandle } from "../editor/CodeEditor";

/** A replacement of the student's code that can still be taken back. */
export interface Replacement {
  /** What happened, shown beside the Undo button: "Reset to the lesson’s code." */
  message: string;
  /** The Undo button's words. */
  undoLabel: string;
  previous: string;
  replaced: string;
}

/**
 * Every action that replaces a student's code goes through here: the editor makes it one
 * undoable edit (Ctrl+Z works), the store saves it at once, and an Undo button is offered.
 */
export function useReplacement(flush: () => void, showCode: () => void, editor: RefObject<CodeEditorHandle | null>) {
  const [offer, setOffer] = useState<Replacement | null>(null);

  const replace = useCallback(
    (next: string, message: string, undoLabel: string) => {
      const handle = editor.current;
      if (!handle) return;
      const previous = handle.text();
      showCode();
      handle.replace(next);
      flush();
      setOffer(previous === next ? null : { message, undoLabel, previous, replaced: next });
    },
    [editor, flush, showCode],
  );

  const undo = useCallback(() => {
    if (!offer) return;
    showCode();
    editor.current?.undoReplace(offer.previous, offer.replaced);
    flush();
    setOffer(null);
    editor.current?.focus();
  }, [editor, flush, offer, showCode]);

  const dismiss = useCallback(() => setOffer(null), []);
  return { editor, offer, replace, undo, dismiss };
}
