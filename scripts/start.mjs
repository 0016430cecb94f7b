// npm start [-- --lessons <folder or lesson.md>] [vite's own options]
// The dev server, serving the lessons of any folder (a course of one's own) or one lesson file
// alone, to preview it. `--lessons` is ours, so vite never sees it: it sets LANES_LESSONS_DIR,
// which the lessons plugin reads (and which may be set directly instead).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const viteBin = join(dirname(require.resolve("vite/package.json")), "bin", "vite.js");

const args = process.argv.slice(2);
const rest = [];
let lessons;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--lessons") lessons = args[++i];
  else if (arg.startsWith("--lessons=")) lessons = arg.slice("--lessons=".length);
  else rest.push(arg);
  if ((arg === "--lessons" || arg.startsWith("--lessons=")) && !lessons) {
    console.error("npm start: --lessons needs a folder of lessons or one lesson file, e.g. npm start -- --lessons ~/my-course");
    process.exit(2);
  }
}

const env = lessons ? { ...process.env, LANES_LESSONS_DIR: resolve(lessons) } : process.env;
const child = spawn(process.execPath, [viteBin, ...rest], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
