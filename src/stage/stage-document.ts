// The stage's document, given to its frame as `srcdoc` (stage-frame.ts). Nothing of it is
// fetched: a sandboxed frame with an opaque origin bypasses the site's service worker, so on a
// host whose headers come from it, or offline, a stage loaded from a URL would get nothing.
// Its only script is the boot below, inline; its code comes in the app's `connect` message
// (plugins/stage-code-plugin.ts builds it) and is imported from a Blob URL of the stage's own.
//
// An about:srcdoc document keeps its embedder's Content-Security-Policy (measured, Chromium
// 150), and the site's policy allows no inline script but this one, by its hash: the hash is
// in the site's policy (vite.config.ts, public/_headers) and in the stage's own, below, and a
// unit test checks it is the boot's.

/**
 * The boot: waits for the app's `connect` (from the parent window only), imports the stage's
 * code from a Blob URL and hands it the message. A stage whose code cannot load says so at once.
 * Any change to this text changes its hash: update STAGE_BOOT_HASH (the test says what to).
 */
export const STAGE_BOOT_SCRIPT =
  'addEventListener("message",function boot(e){if(e.source!==parent||!e.data||e.data.lanesStage!=="connect")return;removeEventListener("message",boot);' +
  'import(URL.createObjectURL(new Blob([e.data.stageCode],{type:"text/javascript"}))).then(function(m){m.connect(e.data,e.ports[0])},' +
  'function(){parent.postMessage({lanesStage:"unavailable"},"*")})});';

/** CSP hash-source of STAGE_BOOT_SCRIPT (sha256, base64). */
export const STAGE_BOOT_HASH = "'sha256-iapeo5oVMsSwxPOIghMRSi+yCge6WmMs9fivtCbVa0Y='";

/**
 * The stage's own policy, on top of the site's (both apply): the program's page may run only
 * the boot and Lanes' Blob URLs (and, under Trusted Types, only Lanes may make a script URL),
 * reach no network, not even the site, and hold no frames.
 */
export const STAGE_CSP = [
  "default-src 'none'",
  `script-src blob: 'wasm-unsafe-eval' ${STAGE_BOOT_HASH}`,
  "worker-src blob:",
  "style-src 'unsafe-inline'",
  "connect-src 'none'",
  "img-src 'none'",
  "media-src 'none'",
  "font-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "object-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lanes-stage",
].join("; ");

const STYLE = `:root { color-scheme: light dark; font: 12px/1 system-ui, sans-serif; }
html, body { margin: 0; height: 100%; overflow: hidden; background: transparent; }
body { display: flex; align-items: center; gap: 8px; padding: 0 8px; color: CanvasText; }
#clock-dots { display: flex; gap: 3px; }
#clock-dots i { width: 6px; height: 6px; border-radius: 50%; background: color-mix(in srgb, CanvasText 20%, transparent); }
#clock-dots i.on { background: #2f7d32; }
#clock-time { font-variant-numeric: tabular-nums; min-width: 4em; }`;

/** The stage's whole document: its policy, the page clock (page-clock.ts draws it) and the boot. */
export function stageDocument(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STAGE_CSP}">
<meta name="color-scheme" content="light dark"><title>The program's page</title><style>${STYLE}</style></head>
<body><span id="clock-dots" aria-hidden="true">${"<i></i>".repeat(12)}</span><span id="clock-time">0.0 s</span>
<script>${STAGE_BOOT_SCRIPT}</script></body></html>`;
}
