// Frontmatter to LessonMeta. Every problem is reported at its field; a field that is wrong is
// replaced by a fallback so the rest of the lesson can still be checked in the same pass.
import { RUNNERS } from "../trace/run.ts";
import type { RawFrontmatter } from "./frontmatter.ts";
import { frontmatterSchema } from "./frontmatter-schema.ts";
import type { LessonMeta } from "./lesson-model.ts";
import type { ProblemList } from "./problems.ts";
import { parseLocatedYaml } from "./yaml-located.ts";
import { issueMessages } from "./zod-problems.ts";

/** `07-locks` is lesson 7 unless its frontmatter says otherwise. */
export function numberOf(slug: string): number | undefined {
  const numbered = /^(\d+)[-_]/.exec(slug);
  return numbered ? Number(numbered[1]) : undefined;
}

/** `courseOrder`: the lesson's place in lessons/course.yaml, which then decides its order. */
export function readMeta(slug: string, raw: RawFrontmatter, problems: ProblemList, courseOrder?: number): LessonMeta {
  const meta: LessonMeta = { slug, title: slug, summary: "", order: courseOrder ?? numberOf(slug) ?? Number.MAX_SAFE_INTEGER, runners: [...RUNNERS], tags: [] };
  if (raw.yaml === undefined) {
    problems.error({ line: 1, column: 1 }, "The lesson has no frontmatter: start the file with a --- line, then title: and summary: lines, then ---.");
    return meta;
  }
  const yaml = parseLocatedYaml(raw.yaml, raw.yamlLine);
  for (const e of yaml.errors) problems.error(e.at, `Frontmatter is not valid YAML: ${e.message}. Check its indentation and quotes.`);
  if (yaml.errors.length > 0) return meta;
  const data = yaml.data ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    problems.error({ line: raw.yamlLine, column: 1 }, "Frontmatter must be a YAML mapping: one key: value line per field (title: …, summary: …).");
    return meta;
  }
  const parsed = frontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const ctx = { what: "Frontmatter field", input: data, shape: frontmatterSchema.shape, locate: yaml.locate };
    for (const m of issueMessages(parsed.error, ctx)) {
      // A missing field has no line of its own: point at the frontmatter's first line.
      problems.error(m.message.includes("is missing") ? { line: raw.yamlLine, column: 1 } : m.at, m.message);
    }
  }
  const fields = parsed.success ? parsed.data : validFields(data as Record<string, unknown>);
  if (fields.title !== undefined) meta.title = fields.title;
  if (fields.summary !== undefined) meta.summary = fields.summary;
  if (fields.runners !== undefined) meta.runners = fields.runners;
  if (fields.tags !== undefined) meta.tags = fields.tags;
  if (fields.level !== undefined) meta.level = fields.level;
  if (fields.minutes !== undefined) meta.minutes = fields.minutes;
  if (fields.timeLimitMs !== undefined) meta.timeLimitMs = fields.timeLimitMs;
  if (courseOrder !== undefined) {
    if ("order" in data) problems.warn(yaml.locate(["order"], true), "order: is ignored: the course's order is the order of lessons in course.yaml. Remove it, or move the lesson there.");
  } else if (fields.order !== undefined) meta.order = fields.order;
  else if (numberOf(slug) === undefined && !("order" in data)) {
    problems.error({ line: raw.yamlLine, column: 1 }, `The lesson has no place in the course: list it in a part of course.yaml, add order: 1 (or another number), or rename the file to start with its number, e.g. 01-${slug}.md.`);
  }
  return meta;
}

/** The fields that are valid on their own, when the whole does not validate. */
function validFields(data: Record<string, unknown>): Partial<LessonMeta> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(frontmatterSchema.shape)) {
    const one = schema.safeParse(data[key]);
    if (one.success && one.data !== undefined) out[key] = one.data;
  }
  return out as Partial<LessonMeta>;
}
