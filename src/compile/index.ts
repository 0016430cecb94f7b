export { CompileError, positionOf } from "./compile-error";
export { compileProgram, sourcePosition, LineMap, MISSING_MAIN, type CompiledProgram } from "./transpile";
export { LANES_SPECIFIER } from "./import-policy";
export { locateInStack, userStack, PROGRAM_FILE } from "./stack-location";
export { lanesShimSource } from "./lanes-shim";
export { createModuleUrl, importModule, revokeModuleUrl } from "./load-module";
