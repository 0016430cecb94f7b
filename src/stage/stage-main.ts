// The stage: the page a program runs on. A sandboxed iframe with an opaque origin (see
// stage-frame.ts for how the app makes it, stage-document.ts for its document and CSP), in its
// own process: what the program does to this page — an endless loop, a freeze, a poisoned
// global — stays here, and the app discards the whole stage (and so its workers) after every
// run and on Stop.
//
// This module is the stage's code, as one self-contained module: the boot script of the
// stage's document imports it from a Blob URL, out of the app's one message on the frame's
// window, and calls `connect` with that message, which hands over a MessagePort and the
// workers' code; everything after goes through the port (protocol.ts). The stage runs one program under one runner, reporting live
// snapshots and the final Run, then the app throws it away.
import { post, trustedScriptUrl } from "./harden-environment"; // first: before anything else runs
import { trustScriptUrlsWith, setWorkerCode } from "../runners/workers/worker-script";
import { fleet, warmSetSize } from "../runners/workers/fleet";
import { compile } from "../runners/load-program";
import { createProgramRunner } from "../runners/program-runner";
import { typescriptRunners } from "../runners/typescript-runners";
import { calibration, measuredRate, setCalibration } from "../runtime/work";
import type { Run } from "../trace/run";
import { startAlarm, type Alarm } from "./alarm";
import { BEAT_MS } from "./heartbeat";
import { startPageClock } from "./page-clock";
import type { AppToStage, ConnectMessage, StageRunRequest, StageToApp } from "./protocol";

trustScriptUrlsWith(trustedScriptUrl);
startPageClock();

// The TypeScript runners only: Python never runs on a stage, so none of its code is in the stage's.
const { runProgram } = createProgramRunner(typescriptRunners);

let port: MessagePort | undefined;
let stop: AbortController | undefined;
let alarm: Alarm | undefined;

function send(message: StageToApp): void {
  if (port) post(port, message);
}

/** Called once by the stage's boot (stage-document.ts) with the app's connect message and its port. */
export function connect(data: Partial<ConnectMessage>, given: MessagePort | undefined): void {
  if (port || !given) return;
  port = given;
  if (typeof data.workerCode === "string") setWorkerCode(data.workerCode);
  const rate = data.itersPerMs;
  if (typeof rate === "number" && rate > 0) setCalibration(rate);
  port.onmessage = (message: MessageEvent<AppToStage>) => void receive(message.data, message.ports);
  alarm = startAlarm();
  send({ type: "ready", itersPerMs: measuredRate() });
  // Workers get the calibration as they start: the first stage has none before its first run
  // (measured then, not while the app is still loading), so its workers start on demand.
  if (measuredRate() > 0) fleet.warm(warmSetSize()); // so a workers run finds them started
}

async function receive(message: AppToStage, ports: readonly MessagePort[]): Promise<void> {
  switch (message.type) {
    case "heartbeat":
      if (ports[0]) alarm?.beatOn(ports[0], BEAT_MS); // at once: no program has run here yet
      return;
    case "precompile":
      try {
        compile(message.source, message.files);
      } catch {
        /* its error is reported when it runs */
      }
      if (message.workers !== undefined && !stop) warmFor(message.workers);
      return;
    case "run":
      return run(message);
    case "stop":
      stop?.abort();
      alarm?.ring();
      return;
  }
}

async function run(request: StageRunRequest): Promise<void> {
  if (stop) return send({ type: "fault", message: "A stage runs one program only." });
  stop = new AbortController();
  alarm?.arm(request.timeLimitMs); // the program's top-level code, as it loads, has the run's limit too
  try {
    const runs = await runProgram(request.source, [request.runner], {
      signal: stop.signal,
      files: request.files,
      trace: request.trace,
      timeLimitMs: request.timeLimitMs,
      onStart: () => {
        alarm?.arm(request.timeLimitMs);
        send({ type: "started" });
      },
      onUpdate: (live, progress) => {
        const last = live[live.length - 1];
        if (last && !stop?.signal.aborted && progress) send({ type: "update", run: last, progress });
      },
    });
    send({ type: "done", run: runs[0] ?? stopped(request), itersPerMs: measuredRate() });
  } catch (error) {
    send({ type: "fault", message: `The program's page failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** Start the workers a first Run will want (the first stage measures the calibration they need here, while the page is idle). */
function warmFor(workers: number): void {
  calibration();
  const missing = Math.min(Math.max(0, Math.floor(workers)), warmSetSize()) - fleet.idleCount;
  if (missing > 0) fleet.warm(missing);
}

function stopped(request: StageRunRequest): Run {
  return { runner: request.runner, ok: false, error: { message: "Stopped before the program finished." }, wallMs: 0, lanes: [], spans: [], output: [], tasks: [] };
}
