import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { useFlushOnHide } from "./use-flush-on-hide";
import { MAX_DRAFT_CHARS, lessonOfKey } from "../../store/progress-schema";
import { progressStore } from "../../store/progress-store";
import { useProgress } from "../use-progress";
import { starterChanged, starterOf } from "./starter-change";

/** One playground's draft as its editor uses it (see useDraft). */
export type DraftState = ReturnType<typeof useDraft>;

const SAVE_AFTER_MS = 400;

/**
 * The saved copy of one playground's code. The editor owns the text; this follows it: `code`
 * starts as the saved draft if there is one (never run automatically), else the lesson's, then
 * mirrors every change, for Run and for the editor to start from if it is remounted; and each change is saved, debounced, and
 * flushed when the page is hidden or closed. Nothing here ever writes into the editor.
 *
 * `shown`: code from a share link to start from instead. It is held, not saved, until
 * `release()` (the student chose to keep it, or went back to their own code), so a link can
 * never overwrite a saved draft unasked.
 *
 * Each draft records the fingerprint of the lesson's code it was edited from (`base`), so the
 * page can say when the lesson's code has changed since (`starterChanged`); `keep()` records
 * that the student keeps their code against the lesson's new one. `original` may change while
 * mounted (the dev server following a lesson file): the lesson's code now is what a draft is
 * compared with.
 */
export function useDraft(key: string, original: string, shown?: string) {
  const store = progressStore();
  const [code, setCode] = useState(() => shown ?? store.getState().blocks[key]?.draft?.code ?? original);
  // The code a draft descends from: the saved draft's record (unknown for old drafts), else the lesson's now.
  const [base, setBase] = useState(() => {
    const saved = shown === undefined ? store.getState().blocks[key]?.draft : undefined;
    return saved ? saved.starter : starterOf(original);
  });
  const baseRef = useRef(base);
  // Read by flush, which a timer may call after `original` changed: the lesson's code now.
  const originalRef = useRef(original);
  useLayoutEffect(() => {
    originalRef.current = original;
  }, [original]);
  const [tooLarge, setTooLarge] = useState(false);
  const pending = useRef<string | null>(null);
  const latest = useRef(code);
  const held = useRef(shown !== undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const rebase = useCallback((next: string | undefined) => {
    baseRef.current = next;
    setBase(next);
  }, []);
  const unsaved = useProgress((state) => state.unsaved[lessonOfKey(key)]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (pending.current === null || held.current) return;
    const text = pending.current;
    pending.current = null;
    // Too large to keep without endangering everything else saved: refused, and the editor says so.
    const refused = text.length > MAX_DRAFT_CHARS;
    setTooLarge(refused);
    if (refused) return;
    if (text === originalRef.current) {
      store.getState().resetDraft(key);
      rebase(starterOf(text));
    } else store.getState().saveDraft(key, text, baseRef.current);
  }, [key, store, rebase]);

  const edit = useCallback(
    (next: string) => {
      setCode(next);
      latest.current = next;
      pending.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  /** Start saving again (after shared code was kept or put away): the text now is saved at once. */
  const release = useCallback(() => {
    held.current = false;
    pending.current = latest.current;
    flush();
  }, [flush]);

  /** The student keeps their code although the lesson's changed: it now counts as edited from the new code. */
  const keep = useCallback(() => {
    rebase(starterOf(originalRef.current));
    pending.current = latest.current;
    flush();
  }, [flush, rebase]);

  useFlushOnHide(flush);

  let notice: string | undefined;
  if (tooLarge) {
    notice = `This code is too long to save (${code.length.toLocaleString("en")} characters; at most ${MAX_DRAFT_CHARS.toLocaleString("en")}). It still runs, and the rest of your work is saved, but a reload would bring back your last saved version: shorten it, or keep a copy elsewhere.`;
  } else if (unsaved === "full") {
    notice = "Not saved: this browser’s storage is full. The code still runs; export your progress from the home page, or free some space for this site, to keep it.";
  } else if (unsaved === "kept-aside-failed") {
    notice = "Not saved: this lesson’s earlier saved work could not be read and there is no room to copy it first, so Lanes will not write over it.";
  }
  const edited = code !== original;
  return { code, edit, flush, release, keep, edited, starterChanged: starterChanged(edited, base, original), notice };
}
