// The runtime half of the loop guard (see src/compile/loop-guard.ts): compiled programs call
// this at the top of every loop body. Most calls only count; every CHECK_EVERY-th asks the run
// whether it has ended, which costs a clock read.
import { host } from "./host";

/** The name compiled programs import it by (the compiler and the lanes shim agree on it). */
export const LOOP_GUARD_NAME = "$__lanesLoop";

const CHECK_EVERY = 4096;
let calls = 0;

export function loopGuard(line: number): void {
  if (++calls < CHECK_EVERY) return;
  calls = 0;
  host().checkpoint?.({ loopLine: line });
}
