import { useCallback, useEffect, useRef, useState } from "react";
import { progressStore } from "../../store/progress-store";

const SAVE_AFTER_MS = 400;

/**
 * The code of one playground: the saved draft if there is one (never run automatically), else
 * the lesson's. Every edit is saved, debounced, and flushed when the page is hidden or closed.
 */
export function useDraft(key: string, original: string) {
  const store = progressStore();
  const [code, setCode] = useState(() => store.getState().blocks[key]?.draft?.code ?? original);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (pending.current === null) return;
    const text = pending.current;
    pending.current = null;
    if (text === original) store.getState().resetDraft(key);
    else store.getState().saveDraft(key, text);
  }, [key, original, store]);

  const edit = useCallback(
    (next: string) => {
      setCode(next);
      pending.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      flush();
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [flush]);

  /** Back to the lesson's code; returns an undo. */
  const reset = useCallback(() => {
    flush();
    const dropped = store.getState().resetDraft(key);
    setCode(original);
    return () => {
      if (!dropped) return;
      store.getState().restoreDraft(key, dropped);
      setCode(dropped.code);
    };
  }, [flush, key, original, store]);

  /** Replace the code (e.g. with the solution), saved like an edit. */
  const replace = useCallback(
    (next: string) => {
      edit(next);
      flush();
    },
    [edit, flush],
  );

  return { code, edit, reset, replace, edited: code !== original };
}
