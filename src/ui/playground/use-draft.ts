import { useCallback, useEffect, useRef, useState } from "react";
import { MAX_DRAFT_CHARS } from "../../store/progress-schema";
import { progressStore } from "../../store/progress-store";

const SAVE_AFTER_MS = 400;

/**
 * The saved copy of one playground's code. The editor owns the text; this follows it: `code`
 * starts as the saved draft if there is one (never run automatically), else the lesson's, then
 * mirrors every change, for Run and for the editor to start from if it is remounted; and each change is saved, debounced, and
 * flushed when the page is hidden or closed. Nothing here ever writes into the editor.
 */
export function useDraft(key: string, original: string) {
  const store = progressStore();
  const [code, setCode] = useState(() => store.getState().blocks[key]?.draft?.code ?? original);
  const [tooLarge, setTooLarge] = useState(false);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (pending.current === null) return;
    const text = pending.current;
    pending.current = null;
    // Too large to keep without endangering everything else saved: refused, and the editor says so.
    const refused = text.length > MAX_DRAFT_CHARS;
    setTooLarge(refused);
    if (refused) return;
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

  const notice = tooLarge
    ? `This code is too long to save (${code.length.toLocaleString("en")} characters; at most ${MAX_DRAFT_CHARS.toLocaleString("en")}). It still runs, and the rest of your work is saved, but a reload would bring back your last saved version: shorten it, or keep a copy elsewhere.`
    : undefined;
  return { code, edit, flush, edited: code !== original, notice };
}
