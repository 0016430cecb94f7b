// Stages are used once: every run (each runner of a program) gets a fresh one, so nothing a
// program did to its page — globals, patched built-ins, timers left running — reaches the next.
// One spare is kept, booted after each run with the last program compiled ahead and its warm
// workers started, so Run finds a stage ready.
import type { ProgramFile } from "../compile/program-files";
import { StageFrame, StageUnavailable, type StageCode } from "./stage-frame";

let parking: HTMLElement | undefined;
let spare: StageFrame | undefined;
/** The first stage's work() calibration, handed to every later one: work(ms) means the same in every run. */
let itersPerMs = 0;
/** Set once a stage said its scripts cannot load here: the host will not change its mind. */
let unavailable: StageUnavailable | undefined;

/** Where stages wait until a run shows one in its playground (in the page, so they load, but out of sight). */
function parkingLot(): HTMLElement {
  if (!parking || !parking.isConnected) {
    parking = document.createElement("div");
    parking.className = "stage-parking";
    parking.setAttribute("aria-hidden", "true");
    document.body.appendChild(parking);
  }
  return parking;
}

/** The stage's code: a lazy chunk of the app (precached, so offline too), loaded with the first stage. */
let code: Promise<StageCode> | undefined;

function stageCode(): Promise<StageCode> {
  code ??= import("virtual:lanes-stage-code").then(({ stageCode, workerCode }) => ({ stageCode, workerCode }));
  return code;
}

function boot(): StageFrame {
  return new StageFrame(parkingLot(), itersPerMs, stageCode());
}

/** A stage measured work()'s calibration (in its first run): every later stage gets this one. */
export function noteCalibration(rate: number): void {
  if (itersPerMs === 0 && rate > 0) itersPerMs = rate;
}

/** Start the spare now (before the first Run), so the first run does not wait for it. */
export function warmStage(): void {
  if (!unavailable) spare ??= boot();
}

/**
 * A lesson is open and the page is idle: boot the spare now and have it compile `source` and
 * start the workers its first Run will use. Resolves false when this host can give no stage
 * (the program will run on the app's page: warm that instead).
 */
export async function prepareStage(source: string, workers: number, files: readonly ProgramFile[] = []): Promise<boolean> {
  warmStage();
  const stage = spare;
  if (!stage) return false;
  try {
    noteCalibration(await stage.ready);
  } catch (error) {
    if (spare === stage) spare = undefined;
    stage.discard();
    if (error instanceof StageUnavailable) unavailable = error;
    return false;
  }
  if (spare === stage) stage.send({ type: "precompile", source, ...filesOf(files), workers });
  return true;
}

/** How long a stage may take to start before Lanes gives up on it (it takes 0.1–0.5 s here). */
const BOOT_TIMEOUT_MS = 20_000;

/** A ready stage for one run (the spare, if there is one). */
export async function takeStage(): Promise<StageFrame> {
  if (unavailable) throw unavailable;
  const stage = spare ?? boot();
  spare = undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("The program's page did not start within 20 s: reload the page to try again.")), BOOT_TIMEOUT_MS);
  });
  try {
    noteCalibration(await Promise.race([stage.ready, late]));
  } catch (error) {
    stage.discard();
    if (error instanceof StageUnavailable) unavailable = error;
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return stage;
}

/**
 * A run is over (its stage discarded): boot the next spare now, with `source` compiled ahead.
 * Not while the run goes on: on two cores a stage booting beside a run slows the run down.
 */
export function runEnded(source: string, files: readonly ProgramFile[] = []): void {
  if (spare || unavailable) return;
  const next = boot();
  spare = next;
  void next.ready.then(() => next.send({ type: "precompile", source, ...filesOf(files) }), () => undefined);
}

/** The helper files as a message carries them (none: no field, as before there were files). */
export function filesOf(files: readonly ProgramFile[] | undefined): { files?: ProgramFile[] } {
  return files && files.length > 0 ? { files: files.map(({ name, code }) => ({ name, code })) } : {};
}
