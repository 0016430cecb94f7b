export { CompileError, positionOf } from "./compile-error";
export { compileProgram, linkModule, sourcePosition, LineMap, MISSING_MAIN, type CompiledProgram } from "./transpile";
export { compileFiles, type CompiledFiles } from "./compile-files";
export type { ProgramFile } from "./program-files";
export { LANES_SPECIFIER } from "./import-policy";
export { locateInStack, userStack, PROGRAM_FILE, type ModuleRef } from "./stack-location";
export { lanesShimSource } from "./lanes-shim";
export { createModuleUrl, importModule, revokeModuleUrl } from "./load-module";
