// Zod's issues, rewritten for lesson authors: which field, what was wrong, what the field is
// for (its `.describe()` text) and, for a misspelt name, the name that was probably meant.
import type { z } from "zod";
import { closest, didYouMean } from "./did-you-mean.ts";
import type { Position } from "./problems.ts";

export interface IssueContext {
  /** How the author calls the thing, e.g. "Frontmatter field" or "Playground option". */
  what: string;
  /** The value that was validated, to say what was found. */
  input: unknown;
  /** Field names and their descriptions. */
  shape: Record<string, z.ZodType>;
  locate(path: readonly PropertyKey[], atKey?: boolean): Position;
}

export interface LocatedMessage {
  at: Position;
  message: string;
}

export function issueMessages(error: z.ZodError, ctx: IssueContext): LocatedMessage[] {
  // `titel:` makes "title" both unknown and missing; the "did you mean" message says it all.
  const meant = new Set(error.issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys.map((k) => closest(k, Object.keys(ctx.shape))) : [])));
  const isMissing = (i: z.core.$ZodIssue) => i.path.length === 1 && valueAt(ctx.input, i.path) === undefined && meant.has(String(i.path[0]));
  return error.issues.filter((issue) => !isMissing(issue)).flatMap((issue) => issueMessage(issue, ctx));
}

function issueMessage(issue: z.core.$ZodIssue, ctx: IssueContext): LocatedMessage[] {
  const names = Object.keys(ctx.shape);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      at: ctx.locate([...issue.path, key], true),
      message: `Unknown ${ctx.what.toLowerCase()} "${key}".${didYouMean(key, names)} Use one of: ${names.join(", ")}.`,
    }));
  }
  const subject = issue.path.length > 0 ? `${ctx.what} "${pathName(issue.path)}"` : ctx.what;
  const head = String(issue.path[0] ?? "");
  const purpose = ctx.shape[head]?.description;
  const about = purpose ? ` It is ${purpose}.` : "";
  const found = valueAt(ctx.input, issue.path);
  const at = ctx.locate(issue.path);
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && found === undefined) {
    return [{ at, message: `${subject} is missing: add it.${about}` }];
  }
  if (issue.code === "invalid_type" && issue.expected === "string" && isOneEntryMapping(found)) {
    // `- Use this: a pool` is YAML for a mapping {Use this: a pool}: the author meant text.
    const [key, value] = Object.entries(found)[0] as [string, unknown];
    const text = `${key}: ${typeof value === "string" || typeof value === "number" ? value : "…"}`;
    return [{ at, message: `${subject} must be text, but its colon followed by a space makes YAML read "${key}" as a key: put the text in quotes, e.g. "${text}".${about}` }];
  }
  if (issue.code === "invalid_type") {
    return [{ at, message: `${subject} must be ${article(issue.expected)}, not ${describeValue(found)}.${about}` }];
  }
  if (issue.code === "invalid_value") {
    const options = issue.values.map(String);
    const hint = typeof found === "string" ? didYouMean(found, options) : "";
    return [{ at, message: `${subject} must be one of ${options.join(", ")}, not ${describeValue(found)}.${hint}` }];
  }
  return [{ at, message: `${subject} is not valid: ${lowerFirst(issue.message)}.${about}` }];
}

function isOneEntryMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1;
}

function pathName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function article(expected: string): string {
  const words: Record<string, string> = { string: "text", number: "a number", int: "a whole number", array: "a list", object: "a mapping (key: value lines)", boolean: "true or false" };
  return words[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text "${value}"`;
  if (typeof value === "object") return "a mapping";
  return `${typeof value === "number" ? "the number" : typeof value} ${String(value)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
