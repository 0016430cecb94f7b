// What each thread of sync.threads.test.ts does. Objects arrive encoded by the boundary's codec
// (as task arguments do in the browser) and are rebuilt here over the same shared memory.
import { decodeValue } from "../../codec";
import type { Barrier } from "../barrier";
import type { Condition } from "../condition";
import type { Lock } from "../lock";
import type { Queue } from "../queue";
import type { Semaphore } from "../semaphore";
import { registerSyncTransfer } from "../transfer";

export interface ScenarioInput {
  scenario: "locked-counter" | "bare-counter" | "semaphore" | "producer" | "consumer" | "ping-pong" | "barrier";
  /** Encoded with encodeValue. */
  objects: unknown;
  thread: number;
  rounds: number;
}

registerSyncTransfer();

export async function runScenario(input: ScenarioInput): Promise<unknown> {
  const o = decodeValue(input.objects) as Record<string, unknown>;
  const { rounds, thread } = input;
  switch (input.scenario) {
    case "locked-counter": {
      const lock = o.lock as Lock;
      const counter = o.counter as Int32Array;
      for (let i = 0; i < rounds; i++) {
        await lock.acquire();
        counter[0] = (counter[0] ?? 0) + 1; // a plain read and write: only the lock protects it
        lock.release();
      }
      return null;
    }
    case "bare-counter": {
      const counter = o.counter as Int32Array;
      // A start gate: threads start one after another, and a thread can finish a million
      // increments before the next has begun, which would race nobody. Wait until all are here.
      const gate = o.gate as Int32Array;
      const parties = gate[1] ?? 1;
      Atomics.add(gate, 0, 1);
      Atomics.notify(gate, 0);
      for (let here = Atomics.load(gate, 0); here < parties; here = Atomics.load(gate, 0)) Atomics.wait(gate, 0, here, 1000);
      for (let i = 0; i < rounds; i++) counter[0] = (counter[0] ?? 0) + 1;
      return null;
    }
    case "semaphore": {
      const sem = o.sem as Semaphore;
      const stats = o.stats as Int32Array; // [inside now, most seen inside, entries]
      for (let i = 0; i < rounds; i++) {
        await sem.acquire();
        const inside = Atomics.add(stats, 0, 1) + 1;
        let most = Atomics.load(stats, 1);
        while (inside > most) most = Atomics.compareExchange(stats, 1, most, inside) === most ? inside : Atomics.load(stats, 1);
        for (let spin = 0; spin < 200; spin++) Atomics.load(stats, 0);
        Atomics.add(stats, 2, 1);
        Atomics.sub(stats, 0, 1);
        sem.release();
      }
      return null;
    }
    case "producer": {
      const queue = o.queue as Queue<number>;
      for (let i = 0; i < rounds; i++) await queue.put(thread * rounds + i);
      await queue.put(-1);
      return null;
    }
    case "consumer": {
      const queue = o.queue as Queue<number>;
      const seen = o.seen as Int32Array;
      let got = 0;
      for (;;) {
        const item = await queue.get();
        if (item === -1) return got;
        Atomics.add(seen, item, 1);
        got += 1;
      }
    }
    case "ping-pong": {
      const cond = o.cond as Condition;
      const turn = o.turn as Int32Array;
      for (let i = 0; i < rounds; i++) {
        await cond.with(async () => {
          await cond.waitFor(() => Atomics.load(turn, 0) === thread);
          Atomics.store(turn, 0, 1 - thread);
          cond.notify();
        });
      }
      return null;
    }
    case "barrier": {
      const barrier = o.barrier as Barrier;
      const phase = o.phase as Int32Array;
      let late = 0;
      let first = 0;
      for (let round = 1; round <= rounds; round++) {
        Atomics.store(phase, thread, round);
        const index = await barrier.wait();
        if (index === 0) first += 1;
        for (let j = 0; j < barrier.parties; j++) {
          const p = Atomics.load(phase, j);
          if (p < round || p > round + 1) late += 1;
        }
      }
      return { late, first };
    }
  }
}
