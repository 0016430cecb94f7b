import type { WaitSubject } from "../../runtime/sync/waiting";
import type { State } from "../../trace/run";

/** Someone who runs code in a run: the driver main(), or one task. */
export interface Party {
  /** Task id in the Run ("main" for the driver). */
  id: string;
  /** The lane its spans go on. */
  lane: string;
  /** null before it starts and after it ends. */
  state: State | null;
  /** Run time when `state` began. */
  since: number;
  /** In words, what it is blocked on (for deadlock messages). */
  waitingFor?: string;
  /** The Lanes object it is blocked on without a timeout (for the deadlock report). */
  waitingOn?: WaitSubject;
  done: boolean;
  label: string;
}

export function newParty(id: string, lane: string, label: string): Party {
  return { id, lane, state: null, since: 0, done: false, label };
}
