// 9. Embeds in a course page (issue 14). A plain static "course page" on another origin (this
// suite's own server, no COOP/COEP, as most course sites) includes the app's embed.js with 30
// <pre data-lanes> blocks, all below the fold.
//
//   JS before any embed is seen: the bytes of every script response the page received from
//   load until 2 s later, with none of the 30 blocks near the viewport (content-length as sent,
//   uncompressed: vite preview does not gzip). Target: under 50 KiB.
//   iframes before any is seen: must be 0 (an unseen embed costs nothing).
//   ready after entering the viewport: page time from scrolling the first block into view to
//   its iframe's first lanes:ready, in a fresh browser context each time (cold caches).
import { createServer } from "node:http";

const BLOCKS = 30;
const program = (i) => `import { print } from "lanes";\nexport default function main() {\n  print("block ${i}");\n}`;

function coursePage(app) {
  const blocks = Array.from({ length: BLOCKS }, (_, i) => `<h2>Part ${i + 1}</h2>\n<pre data-lanes id="b${i}">${program(i)}</pre>\n<div style="height: 1500px"></div>`).join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>30 embeds</title></head><body>
<h1>A long course page</h1><div style="height: 3000px">Introduction…</div>
${blocks}
<script>window.readyAt = []; addEventListener("message", (e) => { if (e.data && e.data.type === "lanes:ready") readyAt.push(performance.now()); });</script>
<script type="module" src="${app}/embed.js"></script>
</body></html>`;
}

function serve(html) {
  const server = createServer((_, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export default {
  name: "embed",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const server = await serve(coursePage(ctx.baseURL.replace(/\/$/, "")));
    const course = `http://127.0.0.1:${server.address().port}/`;
    const browser = page.context().browser();
    try {
      const reps = ctx.reps(5);
      const bytes = [];
      const frames = [];
      const ready = [];
      for (let i = 0; i < reps; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const tab = await context.newPage();
        let scriptBytes = 0;
        tab.on("response", async (response) => {
          if (response.request().resourceType() !== "script") return;
          const length = Number(response.headers()["content-length"]);
          scriptBytes += Number.isFinite(length) ? length : (await response.body().catch(() => Buffer.alloc(0))).length;
        });
        await tab.goto(course);
        await tab.waitForTimeout(2000);
        bytes.push(scriptBytes);
        frames.push(await tab.locator("iframe[data-lanes-frame]").count());
        const started = await tab.evaluate(() => {
          const t = performance.now();
          document.getElementById("b0").scrollIntoView();
          return t;
        });
        await tab.waitForFunction(() => window.readyAt.length > 0, null, { timeout: 60_000 });
        ready.push((await tab.evaluate(() => window.readyAt[0])) - started);
        await context.close();
      }
      const m = ctx.median;
      return [
        { name: `course page with ${BLOCKS} lazy embeds: JS fetched before any is seen (median of ${reps})`, value: m(bytes) / 1024, unit: "KiB", better: "lower", target: 50, reps, note: "embed.js only; uncompressed bytes as vite preview sends them" },
        { name: `  iframes made before any embed is near (most of ${reps} loads)`, value: Math.max(...frames), unit: "frames", better: "lower", target: 0, reps },
        { name: `embed scrolled into view → its first lanes:ready, cold context (median of ${reps})`, value: m(ready), unit: "ms", better: "lower", reps, note: `min ${Math.min(...ready).toFixed(0)} ms, max ${Math.max(...ready).toFixed(0)} ms; includes the embed page's load, React and the lesson catalog, not Monaco` },
      ];
    } finally {
      await new Promise((done) => server.close(done));
    }
  },
};
