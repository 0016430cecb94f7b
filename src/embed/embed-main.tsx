// The embed page's entry (embed.html): one playground for a course page's iframe, or a tab of
// its own when "Open in Lanes" opened it.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { installAutomation } from "../automation";
import { afterFirstScreen, holdFirstScreen } from "../first-screen";
import { warmStage } from "../stage/stage-pool";
import { firstEditorShown } from "../ui/editor/first-editor";
import "../ui/styles.css";
import "./embed.css";
import { codeFromHash } from "./code-fragment";
import { EmbedApp } from "./EmbedApp";
import { parseEmbedOptions } from "./embed-options";
import { installForcedTheme } from "./forced-theme";
import { createHostBridge } from "./host-bridge";
import type { HostMessage } from "./protocol";
import { followContentHeight } from "./follow-height";

installAutomation();
holdFirstScreen(firstEditorShown()); // the playground's editor first (beside the page's own chunks)
void afterFirstScreen().then(warmStage); // then the first Run's stage, while the page is idle

const options = parseEmbedOptions(window.location.search);
for (const problem of options.problems) console.warn(`lanes: embed option ${problem}`);
const theme = installForcedTheme(options.theme);
const embedded = window.parent !== window;

// Messages that arrive before the playground is ready wait for it (a host may send lanes:run
// at once, without waiting for lanes:ready).
let deliver: ((message: HostMessage) => void) | undefined;
const early: HostMessage[] = [];
const bridge = createHostBridge(window, { allowedOrigins: options.allowedOrigins }, (message) => (deliver ? deliver(message) : early.push(message)));
const post = embedded ? bridge.post : () => undefined;
const onHostMessages = (handler: (message: HostMessage) => void) => {
  deliver = handler;
  early.splice(0).forEach(handler);
};

const root = document.getElementById("root");
if (!root) throw new Error("embed.html has no #root element");
// With height= the host keeps the frame that tall and the page scrolls inside it; otherwise the
// frame is as tall as the content, so it has nothing to scroll.
if (embedded && options.height === undefined) {
  document.documentElement.dataset.followHeight = "";
  followContentHeight(root, (height) => post({ type: "lanes:resize", height }));
}

createRoot(root).render(
  <StrictMode>
    <EmbedApp options={options} fragmentCode={codeFromHash(window.location.hash)} embedded={embedded} post={post} onHostMessages={onHostMessages} setTheme={theme.set} />
  </StrictMode>,
);
