// The app's handle on one stage: the sandboxed iframe and its port. The frame has an opaque
// origin (`sandbox="allow-scripts"` only: no same-origin, popups, forms, modals or top
// navigation) and is cross-origin isolated (`allow="cross-origin-isolated"`), so it has
// SharedArrayBuffer and its Blob workers do too, but no storage and no way into the app.
// Chromium runs it in a process of its own: a frame that spins forever leaves the app ticking.
// Its document is a srcdoc and its code comes in the connect message (stage-document.ts says
// why): a stage fetches nothing, so it works offline and behind the service worker alike.
import { Heartbeat } from "./heartbeat";
import type { AppToStage, ConnectMessage, StageToApp } from "./protocol";
import { stageDocument } from "./stage-document";
import { parseStageMessage } from "./validate-stage-message";
import type { Runner } from "../trace/run";

/** The stage's code, as the connect message carries it. */
export type StageCode = Pick<ConnectMessage, "stageCode" | "workerCode">;

/** This page cannot give a program a stage (its policy refuses the stage's boot, or its code failed to load). */
export class StageUnavailable extends Error {}

/** After its code was handed over, a stage that has not answered in this long is not a stage (it answers in ms). */
const SILENT_AFTER_MS = 4000;
const SILENT_STAGE =
  "The program's page did not start: this site's Content-Security-Policy does not allow the page's boot script (docs/deploying.md gives the policy to send).";

export type StageEvent = { kind: "message"; message: StageToApp } | { kind: "invalid"; message: string } | { kind: "lost" } | { kind: "navigated" };

export class StageFrame {
  readonly element: HTMLIFrameElement;
  /** Resolves with the stage's work() calibration once it is ready for a run. */
  readonly ready: Promise<number>;
  #port: MessagePort | undefined;
  #runner: Runner = "main";
  #listener: ((event: StageEvent) => void) | null = null;
  #discarded = false;
  readonly #heartbeat = Heartbeat.open();

  constructor(parent: HTMLElement, itersPerMs: number, code: Promise<StageCode>) {
    const frame = document.createElement("iframe");
    frame.className = "stage-frame";
    frame.title = "The program's page: its clock stops while the program holds the page's thread";
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("allow", "cross-origin-isolated");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.srcdoc = stageDocument();
    this.element = frame;
    // The stage's boot says so if its code cannot load. Heard only until the
    // stage is ready: no program has run in it before then, so this is the stage's own word.
    let rejectReady: (error: Error) => void = () => undefined;
    const onProbe = (event: MessageEvent<unknown>) => {
      if (event.source !== frame.contentWindow || (event.data as { lanesStage?: unknown } | null)?.lanesStage !== "unavailable") return;
      rejectReady(new StageUnavailable("The program's page could not load its code."));
    };
    window.addEventListener("message", onProbe);
    this.ready = new Promise<number>((resolve, reject) => {
      rejectReady = reject;
      frame.addEventListener(
        "load",
        async () => {
          let stageCode: StageCode;
          try {
            stageCode = await code;
          } catch (error) {
            return reject(error instanceof Error ? error : new Error(String(error)));
          }
          if (this.#discarded) return reject(new Error("The program's page was discarded before it was ready."));
          // The boot's listener is there by the load event, so the stage answers the connect
          // below within ms. A page whose boot the site's policy refused never will.
          const silent = setTimeout(() => rejectReady(new StageUnavailable(SILENT_STAGE)), SILENT_AFTER_MS);
          void this.ready.then(
            () => clearTimeout(silent),
            () => clearTimeout(silent),
          );
          const channel = new MessageChannel();
          this.#port = channel.port1;
          channel.port1.onmessage = (event: MessageEvent<unknown>) => {
            const parsed = parseStageMessage(event.data, this.#runner);
            if (!parsed.ok) return this.#emit({ kind: "invalid", message: parsed.message });
            if (parsed.value.type === "ready") resolve(parsed.value.itersPerMs);
            else this.#emit({ kind: "message", message: parsed.value });
          };
          // The port's other end goes away with the stage's process (a crash, out of memory).
          channel.port1.addEventListener("close", () => this.#emit({ kind: "lost" }));
          // An opaque origin has no name to address: "*" is the only target it can have.
          frame.contentWindow?.postMessage({ lanesStage: "connect", itersPerMs, ...stageCode } satisfies ConnectMessage, "*", [channel.port2]);
          // Queued until the stage listens: its alarm worker beats on this port (heartbeat.ts).
          channel.port1.postMessage({ type: "heartbeat" } satisfies AppToStage, [this.#heartbeat.remote]);
        },
        { once: true },
      );
      // A second load is the program navigating its page away (a link, location.href, a meta
      // refresh): the app's CSP lets it reach nothing but the site, and the run is over.
      let loads = 0;
      frame.addEventListener("load", () => {
        loads += 1;
        if (loads > 1) this.#emit({ kind: "navigated" });
      });
    });
    const forget = () => window.removeEventListener("message", onProbe);
    this.ready.then(forget, forget);
    parent.appendChild(frame);
  }

  /** Route this stage's messages, read as messages of a `runner` run, to `listener`. */
  listen(runner: Runner, listener: (event: StageEvent) => void): void {
    this.#runner = runner;
    this.#listener = listener;
    // A stage whose process the browser killed (out of memory) says nothing: its beats stop.
    this.#heartbeat.listen(() => this.#emit({ kind: "lost" }));
  }

  send(message: AppToStage): void {
    this.#port?.postMessage(message);
  }

  /** Show the stage in `slot` (moved, not reloaded, where the browser can). */
  showIn(slot: HTMLElement): void {
    const move = (slot as HTMLElement & { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
    if (move && this.element.isConnected && slot.isConnected) move.call(slot, this.element, null);
  }

  /** Remove the frame: its document, its timers and its workers end with it, whatever they were doing. */
  discard(): void {
    if (this.#discarded) return;
    this.#discarded = true;
    this.#listener = null;
    this.#heartbeat.close();
    this.#port?.close();
    this.element.remove();
  }

  #emit(event: StageEvent): void {
    if (!this.#discarded) this.#listener?.(event);
  }
}
