// The main Python worker's processes: each multiprocessing / ProcessPoolExecutor process is a
// Web Worker with a Pyodide of its own (python-worker-process.ts), so processes really run in
// parallel. Workers are kept warm between runs (loading Pyodide takes seconds): a run borrows
// them, and gives back the idle ones when it ends. A process that is still busy then, or that
// is killed, is terminated instead. The whole pool ends with the main Python worker (Stop and
// the time limit terminate that one: nested workers end with it).
import type { Lane, OutputLine, Span } from "../trace/run";
import type { FromProcessWorker, ToProcessWorker } from "./protocol";
import processWorkerUrl from "./python-worker-process.ts?worker&url";
import { QueueBroker } from "./queue-broker";
import { SharedCells } from "./shared-cells";

// Captured now: closeNetwork takes Worker off the global before any student code runs.
const NativeWorker = self.Worker;

/** Idle process workers kept warm beyond a run (each holds a Pyodide: tens of MB). */
const MAX_WARM = 8;

/** What a process sends back for one call; `data` is its pickled outcome. */
export interface ProcessReply {
  ok: boolean;
  data?: Uint8Array;
  message?: string;
  killed?: boolean;
}

interface Slot {
  worker: Worker;
  proc?: Proc;
}

interface Proc {
  pid: number;
  label: string;
  slot: Slot;
  pending: Map<number, (reply: ProcessReply) => void>;
  released: boolean;
}

interface RunState {
  id: number;
  source: string;
  t0: number;
  cells?: SharedCells;
  queues: QueueBroker;
  procs: Map<number, Proc>;
}

export class ProcessPool {
  private idle: Slot[] = [];
  private current: RunState | undefined;
  private runs = 0;
  private nextPid = 1;
  private nextJob = 1;
  private snapshot: Uint8Array | undefined;

  constructor(private readonly onEvents: (lanes: Lane[], spans: Span[], output: OutputLine[]) => void) {}

  /** A run starts at `t0` (epoch ms, performance.timeOrigin-based), running `source`. */
  beginRun(source: string, t0: number): void {
    this.current = { id: ++this.runs, source, t0, queues: new QueueBroker(), procs: new Map() };
    this.nextPid = 1;
  }

  /** The run is over: idle processes go back to the warm pool, busy ones are ended. */
  endRun(): void {
    const run = this.current;
    this.current = undefined;
    for (const proc of run?.procs.values() ?? []) this.retire(proc, proc.pending.size > 0);
  }

  /** The main worker's Pyodide memory snapshot: workers started from now on boot from it. */
  useSnapshot(snapshot: Uint8Array): void {
    this.snapshot = snapshot;
  }

  /** Have `count` workers loading or loaded, ready for a run's processes. */
  prewarm(count: number): void {
    while (this.idle.length < Math.min(count, MAX_WARM)) this.idle.push(this.spawn());
  }

  /** A new process named `label` for the current run: its id. */
  start(label: string): number {
    const run = this.run();
    const slot = this.idle.pop() ?? this.spawn();
    const proc: Proc = { pid: this.nextPid++, label, slot, pending: new Map(), released: false };
    slot.proc = proc;
    run.procs.set(proc.pid, proc);
    return proc.pid;
  }

  /** Run one pickled request in process `pid`. */
  call(pid: number, payload: Uint8Array): Promise<ProcessReply> {
    const run = this.run();
    const proc = run.procs.get(pid);
    if (!proc) return Promise.resolve({ ok: false, message: `Lanes has no process ${pid} in this run.` });
    const id = this.nextJob++;
    return new Promise((resolve) => {
      proc.pending.set(id, resolve);
      const job: ToProcessWorker = { type: "job", run: run.id, label: proc.label, lanePrefix: `py:proc:${pid}:thread:`, source: run.source, t0: run.t0, shared: this.cells().buffer, id, payload };
      proc.slot.worker.postMessage(job);
    });
  }

  /** The process is done with (its executor shut down): back to the pool once it is idle. */
  end(pid: number): void {
    const proc = this.current?.procs.get(pid);
    if (proc) proc.released = true;
    if (proc && proc.pending.size === 0) this.retire(proc, false);
  }

  /** Process.terminate() / kill(): the worker ends at once; its pending call says so. */
  kill(pid: number): void {
    const proc = this.current?.procs.get(pid);
    if (proc) this.retire(proc, true);
  }

  cells(): SharedCells {
    const run = this.run();
    run.cells ??= new SharedCells();
    return run.cells;
  }

  queues(): QueueBroker {
    return this.run().queues;
  }

  private run(): RunState {
    if (!this.current) throw new Error("Lanes' processes exist only while a program runs.");
    return this.current;
  }

  private retire(proc: Proc, terminate: boolean): void {
    this.current?.procs.delete(proc.pid);
    const slot = proc.slot;
    slot.proc = undefined;
    for (const resolve of proc.pending.values()) resolve({ ok: false, killed: true, message: `${proc.label} was terminated.` });
    proc.pending.clear();
    if (terminate || this.idle.length >= MAX_WARM) slot.worker.terminate();
    else this.idle.push(slot);
  }

  private spawn(): Slot {
    const worker = new NativeWorker(processWorkerUrl, { type: "module", name: "lanes-python-process" });
    const slot: Slot = { worker };
    worker.onmessage = (event: MessageEvent<FromProcessWorker>) => this.onMessage(slot, event.data);
    worker.onerror = (event) => this.broken(slot, `A process worker failed: ${event.message || "it could not start"}.`);
    worker.postMessage({ type: "warm", snapshot: this.snapshot } satisfies ToProcessWorker);
    return slot;
  }

  /** The worker cannot run Python: it leaves the pool, and its process's calls fail. */
  private broken(slot: Slot, message: string): void {
    this.idle = this.idle.filter((s) => s !== slot);
    slot.worker.terminate();
    const proc = slot.proc;
    if (!proc) return;
    for (const resolve of proc.pending.values()) resolve({ ok: false, message });
    proc.pending.clear();
    this.current?.procs.delete(proc.pid);
  }

  private onMessage(slot: Slot, m: FromProcessWorker): void {
    const proc = slot.proc;
    const run = this.current;
    switch (m.type) {
      case "events":
        if (run && m.run === run.id) this.onEvents(m.lanes, m.spans, m.output);
        break;
      case "result":
      case "failed": {
        if (m.type === "failed" && m.id === undefined) return this.broken(slot, m.message);
        const resolve = m.id === undefined ? undefined : proc?.pending.get(m.id);
        if (!proc || !resolve || m.id === undefined) return;
        proc.pending.delete(m.id);
        resolve(m.type === "result" ? { ok: true, data: m.data } : { ok: false, message: m.message });
        if (proc.released && proc.pending.size === 0) this.retire(proc, false);
        break;
      }
      case "queue-put":
        run?.queues.put(m.queue, m.item);
        break;
      case "queue-get":
        void run?.queues.get(m.queue, m.timeoutMs).then((item) => slot.worker.postMessage({ type: "queue-item", request: m.request, item } satisfies ToProcessWorker));
        break;
    }
  }
}
