// The entry is small on purpose. A first visit is paid for in main-thread time: the browser
// evaluates the entry and everything it imports statically before it paints, so an entry that
// imports the app (React, the store, the catalog: hundreds of kB) holds back the paint of a page
// that is already complete in the HTML. Here only the stylesheets are imported (all of the app's
// CSS, so it stays one <link> in the HTML, as a static page's would, and nothing restyles the
// page later); the app (boot.tsx) is imported after the prerendered page has been painted. Its
// files are already on the way: every page preloads them.
import "./ui/styles.css";
import "./ui/timeline/timeline.css";

/** Resolves just after the next frame is painted (or after 100 ms, where frames do not come: a background tab). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

void afterNextPaint().then(() => {
  // A page with an editor (a lesson, as prerendered) waits for Monaco more than for anything
  // else: its files start before the app's are evaluated.
  // (The app's loadMonaco() then finds the same module loaded or on its way.)
  if (document.querySelector(".code-editor")) void import("./ui/editor/monaco-setup");
  return import("./boot");
});
