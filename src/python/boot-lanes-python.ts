// A Pyodide with Lanes' Python modules in /lanes, its host module registered and its network
// closed: what the program's worker and each process worker start from. `modules` are the
// extra files a worker needs; `imports` is what it imports once the driver is warm.
import type { PyodideInterface } from "pyodide";
import { loadPyodideWithProgress, type SnapshotOptions } from "./load-pyodide";
import type { LoadProgress } from "./protocol";
import asyncioSource from "./py/lanes_asyncio.py?raw";
import driverSource from "./py/lanes_driver.py?raw";
import processesSource from "./py/lanes_processes.py?raw";
import threadSource from "./py/lanes_thread.py?raw";
import { closeNetwork } from "./python-host";

export interface LanesPythonBoot {
  host: object;
  onProgress: (progress: LoadProgress) => void;
  modules?: Record<string, string>;
  imports?: string;
  /** Start from this memory snapshot (a process worker, from the main Python worker's). */
  snapshot?: Uint8Array;
  /** Make a snapshot of the interpreter just initialised, before anything of Lanes is in it
   *  (its JavaScript module could not be in a snapshot), for process workers to start from. */
  onSnapshot?: (snapshot: Uint8Array) => void;
}

export async function bootLanesPython(boot: LanesPythonBoot): Promise<PyodideInterface> {
  const snapshots: SnapshotOptions = { makeSnapshot: boot.onSnapshot !== undefined, snapshot: boot.snapshot };
  const py = await loadPyodideWithProgress(boot.onProgress, snapshots);
  if (boot.onSnapshot) {
    try {
      boot.onSnapshot(py.makeMemorySnapshot());
    } catch (error) {
      // Only start-up is slower without it: each process initialises Python itself.
      console.warn(`[lanes] Python's memory snapshot could not be made; process workers start without it. ${String(error)}`);
    }
  }
  py.FS.mkdirTree("/lanes");
  const files = { "lanes_thread.py": threadSource, "lanes_driver.py": driverSource, "lanes_processes.py": processesSource, "lanes_asyncio.py": asyncioSource, ...boot.modules };
  for (const [name, source] of Object.entries(files)) py.FS.writeFile(`/lanes/${name}`, source);
  py.registerJsModule("_lanes_host", boot.host);
  py.runPython(`import sys; sys.path.insert(0, '/lanes'); import lanes_driver; lanes_driver.warm()${boot.imports ? `; ${boot.imports}` : ""}`);
  closeNetwork();
  return py;
}
