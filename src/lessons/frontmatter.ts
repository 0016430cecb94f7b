import { parse as parseYaml } from "yaml";

/** A markdown file split into its YAML frontmatter and the body after it. */
export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file where the body starts, so body positions map back to the file. */
  bodyLine: number;
}

/** The frontmatter still as text, for readers that need positions (see yaml-located.ts). */
export interface RawFrontmatter {
  /** The YAML between the fences; undefined when the file has no frontmatter. */
  yaml?: string;
  /** 1-based file line of the YAML's first line. */
  yamlLine: number;
  body: string;
  bodyLine: number;
}

export class FrontmatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "FrontmatterError";
  }
}

const FENCE = /^---\s*$/;

/** Split `---\nyaml\n---\nbody` without parsing the YAML. */
export function readFrontmatter(source: string): RawFrontmatter {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) return { yamlLine: 1, body: lines.join("\n"), bodyLine: 1 };
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) throw new FrontmatterError("Frontmatter starts with --- but never ends: add a closing --- line.", 1);
  return { yaml: lines.slice(1, close).join("\n"), yamlLine: 2, body: lines.slice(close + 1).join("\n"), bodyLine: close + 2 };
}

/** Split `---\nyaml\n---\nbody`. A file without frontmatter has empty data. */
export function splitFrontmatter(source: string): SplitFile {
  const raw = readFrontmatter(source);
  if (raw.yaml === undefined) return { data: {}, body: raw.body, bodyLine: raw.bodyLine };
  let data: unknown;
  try {
    data = parseYaml(raw.yaml) ?? {};
  } catch (e) {
    const linePos = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
    throw new FrontmatterError(`Frontmatter is not valid YAML: ${firstLine(e)}`, linePos + 1);
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new FrontmatterError("Frontmatter must be a YAML mapping (key: value lines).", 2);
  }
  return { data: data as Record<string, unknown>, body: raw.body, bodyLine: raw.bodyLine };
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split("\n")[0] ?? "";
}
