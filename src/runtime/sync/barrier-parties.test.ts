// A failed party breaks its barriers (barrier-parties.ts), on one thread that may not block, as
// on the page under async. Across workers the same memory is broken: e2e/sync.spec.ts.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { installHost, type Host } from "../host";
import { Barrier } from "./barrier";
import { breakBarriersOf, joinBarriersIn, leaveBarriers } from "./barrier-parties";
import { codeOfTask, forgetSyncObjects } from "./sync-object";
import { blockAsync } from "./waiting";

let task = "1";
const restore = installHost({ block: (request) => blockAsync(request), taskId: () => task } as Partial<Host> as Host);
afterEach(() => forgetSyncObjects());
afterEach(() => (task = "1"));
afterAll(restore);

/** Task `id` waits at `barrier` (as if it were running). */
function waitAs(id: string, barrier: Barrier): Promise<number> {
  task = id;
  const waiting = barrier.wait();
  task = "1";
  return waiting;
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe("a failed party breaks its barriers", () => {
  it("a task that waited and then failed breaks the barrier for those waiting now", async () => {
    const barrier = new Barrier(3);
    const a = waitAs("2", barrier);
    const round1 = waitAs("3", barrier);
    await waitAs("4", barrier); // round 1 passes
    await Promise.all([a, round1]);
    const b = waitAs("2", barrier); // round 2: task 3 will never come
    const c = waitAs("4", barrier);
    breakBarriersOf(codeOfTask("3"));
    await expect(b).rejects.toThrow(/a task that was a party to it failed/);
    await expect(c).rejects.toMatchObject({ name: "BrokenBarrierError" });
    expect(barrier.broken).toBe(true);
  });

  it("a task given the barrier as an argument (nested) breaks it before it ever waited, and later waits throw", async () => {
    const barrier = new Barrier(2);
    joinBarriersIn(codeOfTask("5"), [1, { phases: [barrier] }]);
    breakBarriersOf(codeOfTask("5"));
    await expect(waitAs("6", barrier)).rejects.toThrow(/broken \(a task that was a party/);
  });

  it("a task that ended well, or was never a party, breaks nothing", async () => {
    const barrier = new Barrier(2);
    const other = new Barrier(2);
    joinBarriersIn(codeOfTask("7"), [barrier]);
    leaveBarriers(codeOfTask("7"));
    breakBarriersOf(codeOfTask("7"));
    joinBarriersIn(codeOfTask("8"), [other, "x", new Map([["b", barrier]])]); // a Map is not searched
    breakBarriersOf(codeOfTask("8"));
    expect(barrier.broken).toBe(false);
    expect(other.broken).toBe(true);
    const first = waitAs("9", barrier);
    await settle();
    await waitAs("10", barrier);
    expect(await first).toBe(0);
  });

  it("a timeout still says it timed out; reset() mends a barrier a failure broke", async () => {
    const barrier = new Barrier(2);
    await expect(barrier.wait(5)).rejects.toThrow(/a wait timed out or it was aborted/);
    barrier.reset();
    joinBarriersIn(codeOfTask("11"), [barrier]);
    breakBarriersOf(codeOfTask("11"));
    barrier.reset();
    const first = waitAs("12", barrier);
    await waitAs("13", barrier);
    expect(await first).toBe(0);
  });
});
