import { CompileError, inFile } from "./compile-error";
import { compileProgram, type CompiledProgram } from "./transpile";
import type { ProgramFile } from "./program-files";

// A program in several files compiles file by file, each with the same transforms (loop guard,
// object names, line map), helper files first: the main module's import of one is checked
// against the names it really exports, so a typo is refused at its line before the run.

export interface CompiledHelper {
  name: string;
  compiled: CompiledProgram;
}

export interface CompiledFiles {
  main: CompiledProgram;
  /** In the order given (the lesson's order); each may import "lanes" only. */
  helpers: CompiledHelper[];
}

/** Compile a program and its helper files; a CompileError's `file` says which file it is in. */
export function compileFiles(source: string, files: readonly ProgramFile[], lanesUrl: string): CompiledFiles {
  const helpers: CompiledHelper[] = [];
  const offered = new Map<string, readonly string[] | null>();
  for (const file of files) {
    let compiled: CompiledProgram;
    try {
      compiled = compileProgram(file.code, lanesUrl, { files: new Map(), helper: file.name });
    } catch (error) {
      throw error instanceof CompileError ? inFile(error, file.name) : error;
    }
    helpers.push({ name: file.name, compiled });
    offered.set(file.name, compiled.exportsAll ? null : [...compiled.exports, ...(compiled.hasDefault ? ["default"] : [])]);
  }
  return { main: compileProgram(source, lanesUrl, { files: offered }), helpers };
}
