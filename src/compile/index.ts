export { CompileError, positionOf } from "./compile-error";
export { compileProgram, type CompiledProgram } from "./transpile";
export { locateInStack, userStack } from "./stack-location";
export { lanesShimSource } from "./lanes-shim";
export { createModuleUrl, importModule, revokeModuleUrl } from "./load-module";
