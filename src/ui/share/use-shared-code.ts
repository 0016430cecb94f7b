import { useCallback, useEffect, useState } from "react";
import type { PlaygroundBlock } from "../../lessons/lesson-model";
import { progressStore } from "../../store/progress-store";
import type { RunnerChoice } from "../playground/RunnerPicker";
import { putArrivalAway, type Arrival } from "./arrival";

interface Draft {
  code: string;
  release(): void;
}

/** The runner the link asked for, if this playground offers it. */
export function sharedRunner(arrival: Arrival | null, block: PlaygroundBlock): RunnerChoice | undefined {
  const runner = arrival?.kind === "ok" ? arrival.program.runner : undefined;
  if (runner === "all" && block.runners.length > 1) return "all";
  return block.runners.find((r) => r === runner);
}

/**
 * What a share link does to the playground it is for, as the banner offers it. The shared code
 * is in the editor and held (not saved). Editing it keeps holding it when the student has saved
 * code of their own (nothing is overwritten unasked), and saves it when there is none (there is
 * nothing to overwrite, and the edits are theirs). Keep saves it; Back puts their own code (or
 * the lesson's) back as an undoable replacement.
 */
export function useSharedCode(arrival: Arrival | null, key: string, original: string, draft: Draft, replace: (code: string, message: string, undoLabel: string) => void) {
  const [open, setOpen] = useState(arrival !== null);
  // Read once, when the link arrived: what "my code" means for this visit.
  const [own] = useState(() => progressStore().getState().blocks[key]?.draft?.code);
  const shared = arrival?.kind === "ok" ? arrival.program.code : undefined;
  const changed = shared !== undefined && draft.code !== shared;
  const { release } = draft;

  useEffect(() => {
    if (open && changed && own === undefined) release();
  }, [open, changed, own, release]);

  const keep = useCallback(() => {
    release();
    putArrivalAway();
    setOpen(false);
  }, [release]);

  const back = useCallback(() => {
    // Replace first, while the shared code is still held, so it is never saved on the way.
    replace(own ?? original, own === undefined ? "The lesson’s code is back." : "Your own code is back.", "Undo: show the shared code again");
    release();
    putArrivalAway();
    setOpen(false);
  }, [own, original, replace, release]);

  const dismiss = useCallback(() => {
    putArrivalAway();
    setOpen(false);
  }, []);

  if (!open || !arrival) return null;
  return { kind: arrival.kind, message: arrival.kind === "bad" ? arrival.message : undefined, hasOwnDraft: own !== undefined, changed, onKeep: keep, onBack: back, onDismiss: dismiss };
}
