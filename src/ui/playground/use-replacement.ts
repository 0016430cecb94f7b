import { useCallback, useState, type RefObject } from "react";
import type { CodeEditorHandle } from "../editor/CodeEditor";
import type { FileCodes } from "./use-file-drafts";

/** A replacement of the student's code that can still be taken back. */
export interface Replacement {
  /** What happened, shown beside the Undo button: "Reset to the lesson’s code." */
  message: string;
  /** The Undo button's words. */
  undoLabel: string;
  previous: string;
  replaced: string;
  /** The helper files' texts before and after, when the replacement changed them too (Reset does). */
  files?: { previous: FileCodes; replaced: FileCodes };
}

/** A playground's helper file editors, as a replacement handles them: all at once. */
export interface FilesEditor {
  texts(): FileCodes;
  replace(codes: FileCodes): void;
  undoReplace(previous: FileCodes, replaced: FileCodes): void;
  flush(): void;
}

const sameCodes = (a: FileCodes, b: FileCodes) => Object.keys(b).every((name) => a[name] === b[name]);

/**
 * Every action that replaces a student's code goes through here: the editor makes it one
 * undoable edit (Ctrl+Z works), the store saves it at once, and an Undo button is offered.
 * `files`: the helper files' editors, replaced too when a replacement brings their texts.
 */
export function useReplacement(flush: () => void, showCode: () => void, editor: RefObject<CodeEditorHandle | null>, files?: FilesEditor) {
  const [offer, setOffer] = useState<Replacement | null>(null);

  const replace = useCallback(
    (next: string, message: string, undoLabel: string, nextFiles?: FileCodes) => {
      const handle = editor.current;
      if (!handle) return;
      const previous = handle.text();
      const previousFiles = nextFiles && files ? files.texts() : undefined;
      showCode();
      handle.replace(next);
      flush();
      if (nextFiles && files) {
        files.replace(nextFiles);
        files.flush();
      }
      const filesChanged = previousFiles !== undefined && nextFiles !== undefined && !sameCodes(previousFiles, nextFiles);
      setOffer(previous === next && !filesChanged ? null : { message, undoLabel, previous, replaced: next, ...(filesChanged ? { files: { previous: previousFiles, replaced: nextFiles } } : {}) });
    },
    [editor, files, flush, showCode],
  );

  const undo = useCallback(() => {
    if (!offer) return;
    showCode();
    editor.current?.undoReplace(offer.previous, offer.replaced);
    flush();
    if (offer.files && files) {
      files.undoReplace(offer.files.previous, offer.files.replaced);
      files.flush();
    }
    setOffer(null);
    editor.current?.focus();
  }, [editor, files, flush, offer, showCode]);

  const dismiss = useCallback(() => setOffer(null), []);
  return { editor, offer, replace, undo, dismiss };
}
