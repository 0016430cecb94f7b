// Node module hooks for the real-thread tests: worker_threads load this folder's TypeScript
// as it is (types stripped by sucrase, extensionless imports resolved to .ts), no bundling.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { transform } from "sucrase";

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!specifier.startsWith(".")) throw error;
    return nextResolve(`${specifier}.ts`, context);
  }
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith(".ts")) return nextLoad(url, context);
  const filePath = fileURLToPath(url);
  const { code } = transform(await readFile(filePath, "utf8"), { transforms: ["typescript"], disableESTransforms: true, filePath });
  return { format: "module", source: code, shortCircuit: true };
}
