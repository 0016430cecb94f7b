import { parse as parseYaml } from "yaml";

/** A markdown file split into its YAML frontmatter and the body after it. */
export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file where the body starts, so body positions map back to the file. */
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

/** Split `---\nyaml\n---\nbody`. A file without frontmatter has empty data. */
export function splitFrontmatter(source: string): SplitFile {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) return { data: {}, body: lines.join("\n"), bodyLine: 1 };
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) throw new FrontmatterError("Frontmatter starts with --- but never ends: add a closing --- line.", 1);
  const yaml = lines.slice(1, close).join("\n");
  let data: unknown;
  try {
    data = parseYaml(yaml) ?? {};
  } catch (e) {
    const linePos = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
    throw new FrontmatterError(`Frontmatter is not valid YAML: ${firstLine(e)}`, linePos + 1);
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new FrontmatterError("Frontmatter must be a YAML mapping (key: value lines).", 2);
  }
  return { data: data as Record<string, unknown>, body: lines.slice(close + 1).join("\n"), bodyLine: close + 2 };
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split("\n")[0] ?? "";
}
