// Injected into the app page (page.addScriptTag) by the suites that need hand-written
// baselines: a bare worker pool built from Blob URLs, so nothing leaves the page's origin.
// Plain browser JavaScript, no imports; everything hangs off window.__bench.
(() => {
  // The kernel of src/runtime/kernel.ts, copied: an LCG modulo 2^30 as a 70-byte WebAssembly
  // loop (the same bytes; kernelModuleBytes() there says what each one means), driven the same
  // way. Kept as source text, so the bare workers run exactly this too.
  const KERNEL_SOURCE = `
const KERNEL_WASM = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(${JSON.stringify([0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 8, 1, 4, 115, 112, 105, 110, 0, 0, 10, 50, 1, 48, 0, 2, 64, 32, 0, 69, 13, 0, 3, 64, 32, 1, 65, 141, 204, 229, 0, 108, 65, 223, 230, 187, 227, 3, 106, 65, 255, 255, 255, 255, 3, 113, 33, 1, 32, 0, 65, 1, 107, 34, 0, 13, 0, 11, 11, 32, 1, 11])}))).exports.spin;
function spin(iterations, seed = 0x1e3779b9) {
  let x = seed & 0x3fffffff;
  for (let left = Math.max(0, Math.floor(iterations)); left > 0; ) {
    const steps = Math.min(left, 2 ** 30);
    x = KERNEL_WASM(steps, x);
    left -= steps;
  }
  return x;
}`;
  const spin = new Function(`${KERNEL_SOURCE}\nreturn spin;`)();

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
  const SPIN_WORKER = `${KERNEL_SOURCE}
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
