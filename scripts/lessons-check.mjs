// npm run lessons:check [-- <dir or lesson.md>] [--lessons <dir or lesson.md>] [--repeat N] [--python] [--no-build] [--out-dir <dir>] [--validate-only]
// Validates every lesson in <dir> (default lessons/), or the one lesson file named, as the build does, printing
// `file:line:column message` lines; then runs each exercise's solution and starter code in
// headless Chromium against the built app: every other playground under each of its runners must
// end ok (or fail as its `yaml outcome` says), each exercise's solution must pass, its starter not.
// --repeat N then runs each solution N times more and prints, per timing assertion of its check,
// the worst margin seen ("speedUp async over main 1.71 against atLeast 1.3").
// With --python (or LANES_CHECK_PYTHON=1), every playground's Python twin too (plugins/check-python-twins.ts).
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const RUN_TIMEOUT_MS = 120_000;
const root = fileURLToPath(new URL("..", import.meta.url));

function parseArgs(argv) {
  const args = { dir: "lessons", build: true, outDir: undefined, validateOnly: false, repeat: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--no-build") args.build = false;
    else if (arg === "--validate-only") args.validateOnly = true;
    else if (arg === "--python") args.python = true;
    else if (arg === "--out-dir") args.outDir = argv[++i];
    else if (arg === "--lessons") args.dir = argv[++i];
    else if (arg === "--repeat") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`--repeat needs a whole number of runs from 1 to 100, e.g. --repeat 5, not ${argv[i] ?? "nothing"}.`);
      args.repeat = n;
    }
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg.startsWith("-")) throw new Error(`Unknown option ${arg}: use --lessons <path>, --repeat N, --python, --no-build, --out-dir <dir> or --validate-only.`);
    else args.dir = arg;
  }
  return args;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`${what} did not finish within ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log("usage: node scripts/lessons-check.mjs [dir or lesson.md, default lessons] [--lessons <dir or lesson.md>] [--repeat N] [--python] [--no-build] [--out-dir <dir>] [--validate-only]");
    return 0;
  }
  const { module: lib } = await runnerImport(resolve(root, "plugins/check-lessons.ts"), { root, configFile: false, logLevel: "error" });
  if (!args.dir) throw new Error("--lessons needs a folder of lessons or one lesson file.");
  const loaded = lib.validateLessons(args.dir, process.cwd());
  const report = (problems) => problems.forEach((p) => console.error(lib.formatProblem(p)));
  report(loaded.problems);
  if (lib.hasErrors(loaded.problems)) {
    console.error(`lessons:check: ${loaded.problems.filter((p) => p.severity === "error").length} problem(s) in ${args.dir}; nothing was run.`);
    return 1;
  }
  const exercises = lib.exerciseCount(loaded);
  const playgrounds = lib.playgroundCount(loaded);
  console.log(`lessons:check: ${loaded.lessons.length} lesson(s) in ${args.dir} are valid; ${exercises} exercise(s), ${playgrounds} other playground(s).`);
  if (exercises + playgrounds === 0 || args.validateOnly) return 0;

  const { withBrowserSession } = await import("./browser-session.mjs");
  const session = { root, build: args.build, outDir: args.outDir, log: (line) => console.log(line) };
  const problems = await withBrowserSession(session, async ({ page }) => {
    const runCode = (code, runners, timeLimitMs, files) =>
      withTimeout(
        page.evaluate(([c, r, t, f]) => window.__lanes.run(c, r, { timeLimitMs: t, files: f }), [code, runners, timeLimitMs, (files ?? []).map(({ name, code }) => ({ name, code }))]),
        RUN_TIMEOUT_MS,
        "The run",
      );
    const ran = await lib.verifyPlaygrounds(loaded, runCode, (label) => console.log(`  running ${label}`));
    let checked = ran.concat(await lib.verifyExercises(loaded, runCode, (label) => console.log(`  running ${label}`)));
    if (args.repeat > 0) {
      const margins = await lib.measureMargins(loaded, runCode, args.repeat, (label) => console.log(`  running ${label}`));
      for (const line of margins.lines) console.log(`${line.place} ${line.text}`);
      checked = checked.concat(margins.problems);
    }
    // The Python twins: opt-in (--python or LANES_CHECK_PYTHON=1), as they take minutes (Pyodide's start-up, a Pyodide per process).
    if (!args.python && process.env.LANES_CHECK_PYTHON !== "1") return checked;
    console.log(`lessons:check: running ${lib.pythonTwinCount(loaded)} Python twin(s).`);
    return checked.concat(await lib.verifyPythonTwins(loaded, runCode, (label) => console.log(`  running ${label}`)));
  });
  report(problems);
  if (lib.hasErrors(problems)) {
    console.error(`lessons:check: ${problems.filter((p) => p.severity === "error").length} problem(s) in the runs.`);
    return 1;
  }
  console.log(`lessons:check: every playground ends as its lesson says, every solution passes its check and no starter code does.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`lessons:check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
