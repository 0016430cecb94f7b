import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { installAutomation } from "./automation";
import { loadLesson } from "./lessons/catalog";
import { startServiceWorker } from "./offline/register-service-worker";
import { warmStage } from "./stage/stage-pool";
import { App } from "./ui/App";
import { parseRoute } from "./ui/router";
import { readArrival } from "./ui/share/arrival";
import "./ui/styles.css";

installAutomation();
startServiceWorker(); // offline, and the headers a static host cannot send
warmStage(); // the first Run finds a stage ready

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// A lesson's chunk is loaded before the first render, so the page the build prerendered is
// replaced in one step by the same page, never by an empty one.
// A share link is decoded first too (it may also repair the path a chat app mangled).
const arrival = readArrival();
const route = parseRoute(window.location.pathname);
const lessonLoaded = route.page === "lesson" ? loadLesson(route.slug).catch(() => undefined) : Promise.resolve(undefined);
const first = Promise.all([lessonLoaded, arrival]);
void first.then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
