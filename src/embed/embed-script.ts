// embed.js: what a course page includes with one <script type="module">. It turns every
// <pre data-lanes> (its text is the program) and every <lanes-playground lesson="…"
// playground="…"> into an iframe of Lanes' embed page, once it comes near the viewport (an
// unseen embed costs nothing), and keeps each iframe as tall as its content. Blocks added to the
// page later are found as they are added. The original
// element stays visible until its playground says it is ready, so a page whose scripts or
// frames are blocked still shows the code. No dependencies: it must stay a few KiB.
//
// Each original element receives a "lanes:message" DOM event for every message its playground
// sends (event.detail), and its `lanesFrame` property is the iframe, for a host that drives it.
import { encodeCode } from "./code-fragment";
import type { EmbedMessage } from "./protocol";

const EMBED_PAGE = new URL(/* @vite-ignore */ "embed", import.meta.url);
/** How near the viewport (in CSS px) an embed starts loading. */
const NEAR = "600px 0px";
const OPTIONS = ["lesson", "playground", "runners", "theme", "readonly", "height", "autorun", "allowedOrigins"] as const;

interface Embed {
  source: HTMLElement;
  frame: HTMLIFrameElement;
}
const embeds: Embed[] = [];

function optionOf(element: HTMLElement, name: (typeof OPTIONS)[number]): string | null {
  if (element.tagName === "PRE") return element.dataset[name] ?? null;
  return element.getAttribute(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
}

function frameUrl(element: HTMLElement): string {
  const url = new URL(EMBED_PAGE);
  for (const name of OPTIONS) {
    const value = optionOf(element, name);
    if (value !== null) url.searchParams.set(name, value);
  }
  if (element.tagName === "PRE" && !url.searchParams.has("lesson")) url.hash = `code=${encodeCode(element.textContent?.replace(/^\n/, "") ?? "")}`;
  return url.href;
}

function mount(source: HTMLElement): void {
  const frame = document.createElement("iframe");
  const lesson = optionOf(source, "lesson");
  frame.title = lesson ? `Lanes playground: ${lesson}, ${optionOf(source, "playground") ?? ""}` : "Lanes playground: run this code";
  // An isolated host may delegate isolation to the frame; elsewhere Document-Isolation-Policy does it.
  frame.allow = "cross-origin-isolated";
  frame.src = frameUrl(source);
  const height = optionOf(source, "height");
  // Laid out at its real width but unseen until ready: the original stays in place meanwhile.
  Object.assign(frame.style, { display: "block", width: "100%", border: "0", height: "0", visibility: "hidden" });
  frame.dataset.lanesFrame = "";
  if (height) frame.dataset.fixedHeight = height;
  source.after(frame);
  (source as HTMLElement & { lanesFrame?: HTMLIFrameElement }).lanesFrame = frame;
  embeds.push({ source, frame });
}

function onMessage(event: MessageEvent): void {
  if (event.origin !== EMBED_PAGE.origin) return;
  const embed = embeds.find((e) => e.frame.contentWindow === event.source);
  const message = event.data as EmbedMessage;
  if (!embed || typeof message?.type !== "string" || !message.type.startsWith("lanes:")) return;
  const { source, frame } = embed;
  if (message.type === "lanes:ready") {
    source.hidden = true;
    frame.style.visibility = "visible";
    if (frame.dataset.fixedHeight) frame.style.height = `${Number(frame.dataset.fixedHeight)}px`;
  } else if (message.type === "lanes:resize" && typeof message.height === "number" && !frame.dataset.fixedHeight) {
    frame.style.height = `${Math.max(0, Math.ceil(message.height))}px`;
  }
  source.dispatchEvent(new CustomEvent("lanes:message", { detail: message }));
}

const SELECTOR = "pre[data-lanes], lanes-playground";
/** Elements already waiting for the viewport (or mounted): each becomes one playground. */
const seen = new WeakSet<Element>();

/** The embeds in `root` (itself included), not seen before. */
function embedsIn(root: Element): HTMLElement[] {
  const found = [...(root.matches(SELECTOR) ? [root] : []), ...root.querySelectorAll(SELECTOR)] as HTMLElement[];
  return found.filter((element) => !seen.has(element) && !(element as { lanesFrame?: unknown }).lanesFrame);
}

function start(): void {
  window.addEventListener("message", onMessage);
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near.unobserve(entry.target);
        mount(entry.target as HTMLElement);
      }
    },
    { rootMargin: NEAR },
  );
  const watch = (root: Element) => {
    for (const source of embedsIn(root)) {
      seen.add(source);
      near.observe(source);
    }
  };
  watch(document.documentElement);
  // Course pages add content after they load (a framework rendering a page, a tab opened, a
  // section fetched): those blocks become playgrounds too, as they come near.
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) watch(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

start();
