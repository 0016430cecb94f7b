/* global addEventListener, HTMLScriptElement, parent */
// The stage's first script, a classic one (it loads without CORS): the stage has an opaque
// origin, so the site's modules reach it only from a host that sends
// Access-Control-Allow-Origin. If its module cannot load, the app hears so at once, instead of
// waiting for a stage that will never be ready.
addEventListener(
  "error",
  (event) => {
    if (event.target instanceof HTMLScriptElement) parent.postMessage({ lanesStage: "unavailable" }, "*");
  },
  true,
);
