// The stage's code, built by plugins/stage-code-plugin.ts: each a self-contained ES module's text.
declare module "virtual:lanes-stage-code" {
  /** src/stage/stage-main.ts and its imports. */
  export const stageCode: string;
  /** src/runners/workers/worker-entry.ts and its imports. */
  export const workerCode: string;
}
