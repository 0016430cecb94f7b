import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { installAutomation } from "./automation";
import { loadLesson } from "./lessons/catalog";
import { loadLessonPage } from "./ui/lesson-page-code";
import { startServiceWorker } from "./offline/register-service-worker";
import { holdFirstScreen } from "./first-screen";
import { firstEditorShown } from "./ui/editor/first-editor";
import { App } from "./ui/App";
import { parseRoute } from "./ui/router";
import { readArrival } from "./ui/share/arrival";

installAutomation();
startServiceWorker(); // offline, and the headers a static host cannot send

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// The app: main.tsx imports it once the prerendered page is painted.
//
// A lesson's chunk (and the lesson page's code) is loaded before the first render, so the page the build prerendered is
// replaced in one step by the same page, never by an empty one.
// A share link is decoded first too (it may also repair the path a chat app mangled).
const arrival = readArrival();
const route = parseRoute(window.location.pathname);
const lessonLoaded = route.page === "lesson" ? Promise.all([loadLesson(route.slug), loadLessonPage()]).catch(() => undefined) : Promise.resolve(undefined);
// A lesson's editor is what its first screen waits for: Monaco loads beside the lesson's chunk,
// not after it, and what Lanes starts on its own waits for the editor (first-screen.ts).
if (route.page === "lesson") holdFirstScreen(firstEditorShown());
const first = Promise.all([lessonLoaded, arrival]);

void first.then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
