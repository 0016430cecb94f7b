// How much CPU *other* processes used while a suite ran (Linux /proc only; elsewhere null).
// Benchmarks on a 2-core machine mean little while something else holds a core, so the report
// shows this next to every suite: total busy CPU time of the machine minus that of this
// process and its descendants (the preview server, Chromium and its renderers).
import { readFileSync, readdirSync } from "node:fs";

function readTicks() {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n", 1)[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …
  const idle = cpu[3] + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** CPU ticks (utime + stime + reaped children's) of `root` and all its descendants. */
function treeTicks(root) {
  const parent = new Map();
  const ticks = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[0] is state (field 3); ppid is field 4; utime..cstime are fields 14–17
      parent.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    } catch {
      /* gone meanwhile */
    }
  }
  let sum = 0;
  for (const [pid, t] of ticks) {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) {
      if (p === root) {
        sum += t;
        break;
      }
    }
  }
  return sum;
}

/** Start a measurement; `stop()` returns the average number of cores other processes kept busy. */
export function foreignLoad(root = process.pid) {
  let start;
  try {
    start = { ...readTicks(), ours: treeTicks(root) };
  } catch {
    return { stop: () => null };
  }
  return {
    stop() {
      try {
        const end = { ...readTicks(), ours: treeTicks(root) };
        const elapsed = end.total - start.total; // ticks summed over all cores
        if (elapsed <= 0) return null;
        const nCores = readFileSync("/proc/stat", "utf8").split("\n").filter((l) => /^cpu\d/.test(l)).length || 1;
        const foreign = Math.max(0, end.busy - start.busy - (end.ours - start.ours));
        return (foreign / elapsed) * nCores;
      } catch {
        return null;
      }
    },
  };
}
