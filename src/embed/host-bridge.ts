// The embedded playground's side of the postMessage protocol (./protocol.ts). It speaks only to
// the window that embeds it: messages go to `parent` alone, addressed to the parent's origin
// when the browser tells it (so they are dropped if the parent has navigated elsewhere), and
// only messages whose source is that parent are read. `allowedOrigins` narrows who may drive it.
import { isLanesMessage, parseHostMessage, type EmbedMessage, type HostMessage } from "./protocol";

export interface BridgeWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  location: { ancestorOrigins?: ArrayLike<string> };
  document: { referrer: string };
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

export interface BridgeOptions {
  allowedOrigins: readonly string[];
  warn?(message: string): void;
}

/** The embedding page's origin, if the browser says (ancestorOrigins, else the referrer). */
export function parentOriginOf(win: BridgeWindow): string | undefined {
  const ancestor = win.location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== "null") return ancestor;
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

export function createHostBridge(win: BridgeWindow, options: BridgeOptions, handle: (message: HostMessage) => void) {
  const warn = options.warn ?? ((text: string) => console.warn(text));
  const parentOrigin = parentOriginOf(win);
  const allowed = (origin: string | undefined) => options.allowedOrigins.length === 0 || (origin !== undefined && options.allowedOrigins.includes(origin));
  // A parent outside allowedOrigins hears nothing from the playground either.
  const speaking = allowed(parentOrigin);
  if (!speaking) warn(`lanes: this playground may be embedded only by ${options.allowedOrigins.join(", ")}; it says nothing to ${parentOrigin ?? "an unknown page"}.`);

  const listener = (event: MessageEvent) => {
    if (event.source !== win.parent) return; // another frame, a worker, the page itself
    if (!isLanesMessage(event.data)) return; // someone else's message on the same window
    if (!allowed(event.origin)) {
      warn(`lanes: ignored a message from ${event.origin}, which is not among allowedOrigins (${options.allowedOrigins.join(", ")}).`);
      return;
    }
    const parsed = parseHostMessage(event.data);
    if (!parsed.ok) {
      warn(`lanes: ignored a malformed ${String(event.data.type)} message: ${parsed.problem}. See docs/embedding.md for the messages an embed understands.`);
      return;
    }
    handle(parsed.message);
  };
  win.addEventListener("message", listener);

  return {
    /** Tell the embedding page (and no one else). */
    post(message: EmbedMessage): void {
      if (speaking) win.parent.postMessage(message, parentOrigin ?? "*");
    },
    dispose(): void {
      win.removeEventListener("message", listener);
    },
  };
}
