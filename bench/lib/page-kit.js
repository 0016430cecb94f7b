// Injected into the app page (page.addScriptTag) by the suites that need hand-written
// baselines: a bare worker pool built from Blob URLs, so nothing leaves the page's origin.
// Plain browser JavaScript, no imports; everything hangs off window.__bench.
(() => {
  // The kernel of src/runtime/work.ts, copied: an LCG modulo 2^30, unrolled 16 times.
  function spin(iterations, seed = 0x1e3779b9) {
    const imul = Math.imul;
    const A = 1664525;
    const C = 1013904223;
    const M = 0x3fffffff;
    let x = seed & M;
    let i = 0;
    for (; i + 16 <= iterations; i += 16) {
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
      x = (imul(x, A) + C) & M;
    }
    for (; i < iterations; i++) {
      x = (imul(x, A) + C) & M;
    }
    return x;
  }

  // The calibration of src/runtime/work.ts, copied: best of several short trials.
  function calibrate(trials = 5, trialMs = 12) {
    let n = 50_000;
    let best = 0;
    spin(n);
    for (let trial = 0; trial < trials; trial++) {
      let elapsed = 0;
      while (elapsed < trialMs) {
        const start = performance.now();
        spin(n);
        elapsed = performance.now() - start;
        if (elapsed < trialMs) n *= 2;
      }
      best = Math.max(best, n / elapsed);
    }
    return best;
  }

  /**
   * How many kernel steps produced `result` (what work(ms) returned): step the generator from
   * the seed until the state matches. Its period is 2^30, so the first match is the count (for
   * work of under ~1.5 s here). Lets the bench run exactly the iterations Lanes' own calibration
   * chose. −1 if not found.
   */
  function stepsOf(result, max = 2 ** 30, seed = 0x1e3779b9) {
    const M = 0x3fffffff;
    let x = seed & M;
    for (let i = 0; i < max; i++) {
      if (x === result) return i;
      x = (Math.imul(x, 1664525) + 1013904223) & M;
    }
    return -1;
  }

  function blobWorker(source, name) {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    const worker = new Worker(url, { name });
    return worker;
  }

  // A worker that runs spin(iters) per message and answers with the result.
  const SPIN_WORKER = `${spin.toString()}
onmessage = (event) => { postMessage({ id: event.data.id, r: spin(event.data.iters) }); };`;

  // A worker that answers every message with its data: one task, or an array of tasks.
  const ECHO_WORKER = `onmessage = (event) => {
  const d = event.data;
  postMessage(Array.isArray(d) ? d.map((t) => ({ id: t.id, value: t.args[0] })) : { id: d.id, value: d.args[0] });
};`;

  /** A pool in its simplest form: each worker gets the next task when it answers. */
  function runCpuPool(workers, count, iters) {
    return new Promise((resolve) => {
      const t0 = performance.now();
      let next = 0;
      let done = 0;
      const give = (w) => {
        if (next < count) w.postMessage({ id: next++, iters });
      };
      for (const w of workers) {
        w.onmessage = () => {
          done += 1;
          if (done === count) resolve(performance.now() - t0);
          else give(w);
        };
        give(w);
      }
    });
  }

  /** `count` tasks, all in flight at once, round robin, `batch` per message. Resolves to ms. */
  function runEcho(workers, count, batch) {
    return new Promise((resolve) => {
      const t0 = performance.now();
      let answered = 0;
      const onmessage = (event) => {
        answered += Array.isArray(event.data) ? event.data.length : 1;
        if (answered === count) resolve(performance.now() - t0);
      };
      workers.forEach((w) => (w.onmessage = onmessage));
      let k = 0;
      for (let i = 0; i < count; i += batch) {
        const w = workers[k++ % workers.length];
        if (batch === 1) w.postMessage({ id: i, args: [i] });
        else {
          const tasks = [];
          for (let j = i; j < Math.min(i + batch, count); j++) tasks.push({ id: j, args: [j] });
          w.postMessage(tasks);
        }
      }
    });
  }

  window.__bench = { spin, calibrate, stepsOf, blobWorker, SPIN_WORKER, ECHO_WORKER, runCpuPool, runEcho };
})();
