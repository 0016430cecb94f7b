import { CompileError, compileProgram, createModuleUrl, importModule, lanesShimSource, revokeModuleUrl, type LineMap } from "../compile";
import { RUNTIME_KEY, installRuntime, shimmed } from "../runtime";
import { installHost, loadingHost } from "../runtime/host";
import { locateError } from "./locate-error";
import type { LoadedProgram } from "./runner";

let shimUrl: string | undefined;

/** The URL every compiled program imports in place of "lanes" (in the page and in workers). */
export function lanesUrl(): string {
  if (shimUrl) return shimUrl;
  installRuntime();
  const url = createModuleUrl(lanesShimSource(Object.keys(shimmed), RUNTIME_KEY));
  shimUrl = url;
  return url;
}

let cached: { source: string; js: string; lineMap: LineMap } | undefined;

/** Compile once per distinct source (the line map with it); throws CompileError with line and column. */
export function compile(source: string): { js: string; lineMap: LineMap } {
  if (cached?.source === source) return cached;
  const { js, lineMap } = compileProgram(source, lanesUrl());
  cached = { source, js, lineMap };
  return cached;
}

/**
 * Import a fresh copy of the program for one run (fresh module state, as a new process has).
 * `beforeImport` sees the module URL first, so workers can import it at the same time.
 * Top-level code may run for `limitMs` (the run's time limit) before it is stopped.
 */
export async function loadProgram(source: string, limitMs: number, beforeImport?: (moduleUrl: string) => void): Promise<LoadedProgram> {
  const { js, lineMap } = compile(source);
  const moduleUrl = createModuleUrl(js);
  beforeImport?.(moduleUrl);
  let exports: Record<string, unknown>;
  const loadingSince = performance.now();
  const restoreHost = installHost(
    loadingHost((where) => {
      if (performance.now() - loadingSince < limitMs) return;
      const loop = where?.loopLine ? ` (is the loop at line ${where.loopLine} endless?)` : "";
      throw new Error(`The program's top-level code ran for more than ${limitMs / 1000} s as it loaded${loop}. Code outside functions runs when the program loads, before main().`);
    }),
  );
  try {
    exports = await importModule(moduleUrl);
  } catch (error) {
    revokeModuleUrl(moduleUrl);
    // Top-level code threw while the module loaded: report it where it happened.
    const where = locateError(error, moduleUrl, lineMap);
    throw new CompileError(where.message, where.line, where.column, "load");
  } finally {
    restoreHost();
  }
  const main = exports.default;
  if (typeof main !== "function") {
    revokeModuleUrl(moduleUrl);
    throw new CompileError("The default export must be a function: `export default async function main() { … }`.", undefined, undefined, "load");
  }
  return { source, js, lineMap, moduleUrl, exports, main: main as () => unknown };
}

export function unloadProgram(program: LoadedProgram): void {
  revokeModuleUrl(program.moduleUrl);
}
