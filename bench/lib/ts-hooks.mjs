// Node module hooks (module.register) that let suites be written in TypeScript on Node 20:
// a .ts/.mts file is stripped of its types by sucrase (already a dependency of the app) and
// loaded as an ES module. Only type syntax is removed; imports must name real files
// (write `./helper.ts`, not `./helper`), as Node's own resolver is used.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { transform } from "sucrase";

/** @param {string} url @param {any} context @param {(url: string, context: any) => Promise<any>} nextLoad */
export async function load(url, context, nextLoad) {
  if (!/\.m?ts$/.test(new URL(url).pathname)) return nextLoad(url, context);
  const filePath = fileURLToPath(url);
  const source = await readFile(filePath, "utf8");
  const { code } = transform(source, { transforms: ["typescript"], disableESTransforms: true, filePath });
  return { format: "module", source: code, shortCircuit: true };
}
