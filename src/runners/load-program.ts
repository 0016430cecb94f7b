import { CompileError, compileFiles, createModuleUrl, importModule, lanesShimSource, linkModule, revokeModuleUrl, type CompiledFiles, type ProgramFile } from "../compile";
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

let cached: { source: string; files: readonly ProgramFile[]; compiled: CompiledFiles } | undefined;

/**
 * Compile once per distinct program (its line maps with it); throws CompileError with line and
 * column, and `file` when the error is in a helper file.
 */
export function compile(source: string, files: readonly ProgramFile[] = []): CompiledFiles {
  if (cached?.source === source && sameFiles(cached.files, files)) return cached.compiled;
  const compiled = compileFiles(source, files, lanesUrl());
  cached = { source, files: files.map((f) => ({ name: f.name, code: f.code })), compiled };
  return compiled;
}

function sameFiles(a: readonly ProgramFile[], b: readonly ProgramFile[]): boolean {
  return a.length === b.length && a.every((file, i) => file.name === b[i]?.name && file.code === b[i]?.code);
}

/**
 * Import a fresh copy of the program for one run (fresh module state, as a new process has).
 * `beforeImport` sees the module URL first, so workers can import it at the same time.
 * Top-level code may run for `limitMs` (the run's time limit) before it is stopped.
 */
export async function loadProgram(source: string, limitMs: number, beforeImport?: (moduleUrl: string) => void, files: readonly ProgramFile[] = []): Promise<LoadedProgram> {
  const compiled = compile(source, files);
  // Each run links fresh URLs for its helper files too, so their module state is the run's own.
  const helpers = compiled.helpers.map(({ name, compiled: helper }) => ({ file: name, url: createModuleUrl(linkModule(helper, {})), lineMap: helper.lineMap }));
  const urls = Object.fromEntries(helpers.map((h) => [h.file, h.url]));
  const { lineMap } = compiled.main;
  const js = linkModule(compiled.main, urls);
  const moduleUrl = createModuleUrl(js);
  const revoke = () => {
    revokeModuleUrl(moduleUrl);
    helpers.forEach((h) => revokeModuleUrl(h.url));
  };
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
    revoke();
    // Top-level code threw while the module loaded: report it where it happened.
    const where = locateError(error, moduleUrl, lineMap, helpers);
    throw new CompileError(where.message, where.line, where.column, "load", where.file);
  } finally {
    restoreHost();
  }
  const main = exports.default;
  if (typeof main !== "function") {
    revoke();
    throw new CompileError("The default export must be a function: `export default async function main() { … }`.", undefined, undefined, "load");
  }
  return { source, js, lineMap, moduleUrl, helpers, exports, main: main as () => unknown };
}

export function unloadProgram(program: LoadedProgram): void {
  revokeModuleUrl(program.moduleUrl);
  program.helpers.forEach((h) => revokeModuleUrl(h.url));
}
