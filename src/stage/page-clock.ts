// The stage's own "page": a clock the stage draws on its thread, ten times a second. The app
// shows the stage in the playground, so while `main` holds the stage's thread (sleep, work, an
// endless loop) the student sees the program's page freeze — the clock stops — while Lanes
// itself, the editor and Stop go on. A timer, not requestAnimationFrame: asking for animation
// frames costs the workers 3–5% of a core here (see runners/page/frame-monitor.ts), and a CSS
// animation would go on ticking on the compositor while the thread is blocked.

const TICK_MS = 100;
const DOTS = 12;

export function startPageClock(): void {
  const time = document.getElementById("clock-time");
  const dots = [...document.querySelectorAll<HTMLElement>("#clock-dots i")];
  if (!time || dots.length !== DOTS) return;
  const since = performance.now();
  const tick = () => {
    const elapsed = performance.now() - since;
    time.textContent = `${(elapsed / 1000).toFixed(1)} s`;
    const at = Math.floor(elapsed / TICK_MS) % DOTS;
    dots.forEach((dot, i) => dot.classList.toggle("on", i === at));
  };
  tick();
  setInterval(tick, TICK_MS);
}
