// The e2e step of `npm test`: the specs that tolerate company first, two at a time, then the ones
// that measure the machine, alone (the projects of playwright.config.ts). Both groups always
// run, so one failing group does not hide the other's results; the exit code is the worse.
import { spawnSync } from "node:child_process";

const extra = process.argv.slice(2);
let code = 0;
for (const project of ["shared", "alone"]) {
  console.log(`\ne2e: project "${project}"`);
  const workers = project === "shared" ? ["--workers=2"] : [];
  const result = spawnSync("npx", ["playwright", "test", `--project=${project}`, ...workers, ...extra], { stdio: "inherit" });
  code = Math.max(code, result.status ?? 1);
}
process.exit(code);
