// One real thread of the primitives' tests: load the TypeScript scenarios, run the one asked for.
import { register } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

register("./ts-hooks.mjs", import.meta.url);
const { runScenario } = await import("./scenarios.ts");
try {
  parentPort.postMessage({ ok: true, result: await runScenario(workerData) });
} catch (error) {
  parentPort.postMessage({ ok: false, error: String(error?.stack ?? error) });
}
