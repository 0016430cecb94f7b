// A program carried in a URL fragment, so it never reaches a server (browsers do not send the
// fragment). Format, version 1:
//
//   #code=1.<length>.<data>
//
// <data> is base64url (no padding) of deflate-raw of UTF-8 JSON `{ code, runner?, playground?,
// files? }` (`files`: the helper files, `[{ name, code }]`; a link without it, as every link made
// before helper files, means the lesson's own helper files);
// <length> is <data>'s length in characters, so a link cut short by a chat app or an e-mail
// client is told apart from one that is damaged. Nothing here touches React or the DOM.

import { fromBase64url, toBase64url } from "./base64url";
import { deflateRaw, inflateRaw } from "./deflate";

export const SHARE_VERSION = 1;
/** The largest program a link carries: 64 KiB of its JSON (code plus runner and playground id), as UTF-8. */
export const MAX_SHARED_BYTES = 64 * 1024;
/** The longest fragment read at all: 64 KiB that does not compress still fits (≈ 87,400 characters). */
export const MAX_FRAGMENT_CHARS = 100_000;

export interface SharedProgram {
  code: string;
  /** The runner choice the sender had ("all", "main", "async", "workers"); checked by the playground. */
  runner?: string;
  /** Which playground of the lesson it belongs to; absent: the lesson's first. */
  playground?: string;
  /** The helper files as the sender had them; absent: the lesson's. The playground uses those it has, by name. */
  files?: SharedFile[];
}

export interface SharedFile {
  name: string;
  code: string;
}

/** More files than any playground has: a link with more is not one Lanes made. */
const MAX_SHARED_FILES = 20;

export type ShareProblem = "corrupt" | "truncated" | "too-large" | "newer-version";
export type ReadShare = { kind: "none" } | { kind: "ok"; program: SharedProgram } | { kind: "bad"; problem: ShareProblem; message: string };

const SHOWN_INSTEAD = "This playground shows its usual code instead.";
const MESSAGES: Record<Exclude<ShareProblem, "newer-version">, string> = {
  corrupt: `This share link is damaged: its code could not be read (was part of it changed when it was copied?). ${SHOWN_INSTEAD} Ask for the link again.`,
  truncated: `This share link is cut short: part of it was lost on the way (some apps shorten long links). ${SHOWN_INSTEAD} Ask for the whole link again, or for the code as a file.`,
  "too-large": `This share link is too large: Lanes opens links of at most 64 KiB of code. ${SHOWN_INSTEAD}`,
};
const bad = (problem: Exclude<ShareProblem, "newer-version">): ReadShare => ({ kind: "bad", problem, message: MESSAGES[problem] });

const utf8 = new TextEncoder();

/** The fragment (without `#`) for a program, or why it cannot be shared by link. */
export async function encodeShare(program: SharedProgram): Promise<{ ok: true; fragment: string } | { ok: false; message: string }> {
  const json = utf8.encode(JSON.stringify(program));
  if (json.byteLength > MAX_SHARED_BYTES) {
    return { ok: false, message: `This program is too long to share by link (${Math.ceil(json.byteLength / 1024)} KiB; at most 64 KiB). Export your progress to send it as a file.` };
  }
  const data = toBase64url(await deflateRaw(json));
  return { ok: true, fragment: `code=${SHARE_VERSION}.${data.length}.${data}` };
}

/**
 * Undo what chat apps and mail clients do to a link: `#` and `=` percent-encoded once
 * (`%23code%3D…`) or twice (`%2523code%253D…`). At most three rounds, so nothing loops.
 */
function unescapeFragment(raw: string): string | null {
  let text = raw.trim().replace(/^#/, "");
  for (let round = 0; round < 3 && text.includes("%"); round++) {
    try {
      text = decodeURIComponent(text).trim().replace(/^#/, "");
    } catch {
      return null;
    }
  }
  return text;
}

/** Read a location's fragment: not a share link, a program, or a sentence saying why not. Never throws. */
export async function decodeShare(hash: string): Promise<ReadShare> {
  // Whether it looks like a share link at all, read before anything can fail.
  const looksShared = /^\s*(#|%23|%2523)?code(=|%3D|%253D)/i.test(hash.slice(0, 40));
  if (hash.length > 3 * MAX_FRAGMENT_CHARS) return looksShared ? bad("too-large") : { kind: "none" };
  const text = unescapeFragment(hash);
  if (text === null) return looksShared ? bad("corrupt") : { kind: "none" };
  if (!text.startsWith("code=")) return { kind: "none" };
  const header = /^code=(\d{1,6})\.(\d{1,7})\.(.*)$/s.exec(text);
  if (!header) {
    const version = /^code=(\d{1,6})\./.exec(text)?.[1];
    if (version && Number(version) > SHARE_VERSION) return newerVersion(Number(version));
    return bad("corrupt");
  }
  const [, version, declared, rest = ""] = header;
  if (Number(version) !== SHARE_VERSION) return Number(version) > SHARE_VERSION ? newerVersion(Number(version)) : bad("corrupt");
  const length = Number(declared);
  if (length > MAX_FRAGMENT_CHARS || rest.length > MAX_FRAGMENT_CHARS) return bad("too-large");
  if (rest.length < length) return bad("truncated");
  // Punctuation after a link in a sentence ("see #code=1.…).") often sticks to it: drop it.
  if (rest.length > length && !/^[.,;:!?)\]'"\s]+$/.test(rest.slice(length))) return bad("corrupt");
  const bytes = fromBase64url(rest.slice(0, length));
  if (!bytes) return bad("corrupt");
  const inflated = await inflateRaw(bytes, MAX_SHARED_BYTES);
  if (inflated === "too-large" || inflated === "corrupt") return bad(inflated);
  return parseProgram(inflated);
}

function newerVersion(version: number): ReadShare {
  return {
    kind: "bad",
    problem: "newer-version",
    message: `This share link was made by a newer version of Lanes (link format ${version}; this page reads format ${SHARE_VERSION}). Reload the page to update Lanes, then open the link again. ${SHOWN_INSTEAD}`,
  };
}

function parseProgram(bytes: Uint8Array): ReadShare {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return bad("corrupt");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return bad("corrupt");
  const { code, runner, playground, files } = value as Record<string, unknown>;
  if (typeof code !== "string") return bad("corrupt");
  if (runner !== undefined && (typeof runner !== "string" || runner.length > 20)) return bad("corrupt");
  if (playground !== undefined && (typeof playground !== "string" || playground.length > 100)) return bad("corrupt");
  const program: SharedProgram = { code };
  if (files !== undefined) {
    const read = sharedFiles(files);
    if (!read) return bad("corrupt");
    program.files = read;
  }
  if (runner !== undefined) program.runner = runner;
  if (playground !== undefined) program.playground = playground;
  return { kind: "ok", program };
}

function sharedFiles(value: unknown): SharedFile[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_SHARED_FILES) return undefined;
  const files: SharedFile[] = [];
  for (const file of value as unknown[]) {
    if (typeof file !== "object" || file === null) return undefined;
    const { name, code } = file as Record<string, unknown>;
    if (typeof name !== "string" || name.length > 100 || typeof code !== "string") return undefined;
    files.push({ name, code });
  }
  return files;
}
