import { useCallback, useRef, useState } from "react";
import { useFlushOnHide } from "./use-flush-on-hide";
import type { HelperFile } from "../../lessons/lesson-model";
import type { SharedFile } from "../../share/share-link";
import { MAX_DRAFT_CHARS, fileDraftKey } from "../../store/progress-schema";
import { progressStore } from "../../store/progress-store";

const SAVE_AFTER_MS = 400;

export type FileCodes = Readonly<Record<string, string>>;

/**
 * The saved copies of a playground's helper files, as useDraft keeps its main code: each file
 * starts from its saved draft (else the lesson's), follows its editor, and is saved per file,
 * debounced and flushed when the page is hidden. `shown`: files from a share link, held (not
 * saved) until `release()`, so a link never overwrites a saved draft unasked.
 */
export function useFileDrafts(key: string, files: readonly HelperFile[], shown?: readonly SharedFile[]) {
  const store = progressStore();
  const originals = useRef<FileCodes>(Object.fromEntries(files.map((f) => [f.name, f.code])));
  const [codes, setCodes] = useState<FileCodes>(() =>
    Object.fromEntries(files.map((f) => [f.name, shown?.find((s) => s.name === f.name)?.code ?? store.getState().blocks[fileDraftKey(key, f.name)]?.draft?.code ?? f.code])),
  );
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const latest = useRef(codes);
  const pending = useRef(new Set<string>());
  const held = useRef(shown !== undefined && shown.length > 0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (held.current) return;
    for (const name of pending.current) {
      const text = latest.current[name] ?? "";
      const fileKey = fileDraftKey(key, name);
      if (text.length > MAX_DRAFT_CHARS) {
        setTooLarge(name);
        continue;
      }
      if (text === originals.current[name]) store.getState().resetDraft(fileKey);
      else store.getState().saveDraft(fileKey, text);
    }
    pending.current.clear();
  }, [key, store]);

  const edit = useCallback(
    (name: string, next: string) => {
      latest.current = { ...latest.current, [name]: next };
      setCodes(latest.current);
      setTooLarge((shownFor) => (shownFor === name ? null : shownFor));
      pending.current.add(name);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  /** Start saving again (after shared files were kept or put away). */
  const release = useCallback(() => {
    held.current = false;
    for (const name of Object.keys(latest.current)) pending.current.add(name);
    flush();
  }, [flush]);

  useFlushOnHide(flush);

  const edited = files.some((f) => codes[f.name] !== f.code);
  const notice = tooLarge === null ? undefined : `${tooLarge} is too long to save (at most ${MAX_DRAFT_CHARS.toLocaleString("en")} characters). It still runs, but a reload would bring back its last saved version.`;
  /** The files as the program runs them, in the lesson's order. */
  const program = files.map((f) => ({ name: f.name, code: codes[f.name] ?? f.code }));
  return { codes, program, edit, flush, release, edited, notice, tooLargeFile: tooLarge };
}
