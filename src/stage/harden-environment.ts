// The stage's environment, made before any of the student's code loads (this module is the
// stage entry's first import, so it runs first). The sandbox attribute (no same-origin, popups,
// forms or top navigation) and the stage's CSP (stage-document.ts: no connections, no frames, Trusted
// Types) already close most ways out; what they leave open is closed here:
// - WebRTC: CSP does not cover it, and a TURN server's `username` can carry data out;
// - navigation of the stage itself: a link's click() is cancelled here (a capturing listener on
//   the window runs before any of the program's). `location.href = …` and a meta refresh cannot
//   be stopped from inside (Location is unforgeable; measured: in this opaque-origin frame the
//   Navigation API fires no `navigate` event to cancel), so the app's CSP (frame-src) refuses
//   every destination but the site itself, and the app ends a run whose stage navigated;
// - script URLs: under the stage's Trusted Types policy only Lanes' own Blob URLs may become
//   a script or a worker, so a Blob-URL `<script>` (code without the loop guard) is refused.
// The student's code runs in this same realm afterwards, so everything Lanes itself needs from
// it later (posting to the app) is captured here, before that code could replace it.

const WITHHELD = ["RTCPeerConnection", "webkitRTCPeerConnection", "RTCDataChannel", "RTCSessionDescription", "RTCIceCandidate", "RTCRtpSender", "RTCRtpReceiver", "RTCRtpTransceiver"];

for (const name of WITHHELD) {
  try {
    Object.defineProperty(globalThis, name, { value: undefined, writable: false, configurable: false });
  } catch {
    /* not there, or already fixed: nothing to withhold */
  }
}

window.addEventListener(
  "click",
  (event) => {
    if (event.target instanceof Element && event.target.closest("a, area")) event.preventDefault();
  },
  { capture: true },
);

const postToPort = MessagePort.prototype.postMessage;

/** Post on a port with the realm's original postMessage (the student's code may replace it). */
export function post(port: MessagePort, message: unknown): void {
  postToPort.call(port, message);
}

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

const ownUrls = new Set<string>();
const policy = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes?.createPolicy("lanes-stage", {
  createScriptURL(url) {
    if (!ownUrls.has(url)) throw new TypeError("Only Lanes can start scripts and workers on the program's page.");
    return url;
  },
});

/** A script URL Lanes made itself (a worker's Blob URL), as the stage's Trusted Types policy wants it. */
export function trustedScriptUrl(url: string): string {
  ownUrls.add(url);
  return (policy?.createScriptURL(url) as string | undefined) ?? url;
}
