// The embed page's options, from its query string (embed.js turns data- attributes into these).
// Pure: unit-tested. Unknown or malformed values fall back to the default, and say so.
import { ALL_RUNNERS, RUNNERS, type Runner } from "../trace/run";
import { THEMES, type Theme } from "./protocol";

export interface EmbedOptions {
  /** A lesson's playground (`lesson` + `playground`), or, without them, the host's code. */
  lesson?: string;
  playground?: string;
  /** The runners offered (default: the playground's, or main, async and workers). */
  runners?: Runner[];
  theme: Theme;
  readOnly: boolean;
  /** A fixed height in CSS px; absent: the frame follows its content. */
  height?: number;
  /** Run once on load (never a stored draft: only the lesson's or the host's own code). */
  autorun: boolean;
  /** Origins allowed to drive the playground by messages; empty: any embedding page. */
  allowedOrigins: string[];
  /** Problems with the options, for a console warning each. */
  problems: string[];
}

export function parseEmbedOptions(search: string): EmbedOptions {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const options: EmbedOptions = { theme: "auto", readOnly: false, autorun: false, allowedOrigins: [], problems };

  const lesson = query.get("lesson");
  const playground = query.get("playground");
  if (lesson && playground) Object.assign(options, { lesson, playground });
  else if (lesson || playground) problems.push("lesson= and playground= go together: showing the host's code instead.");

  const runners = query.get("runners");
  if (runners) {
    const names = runners.split(",").map((r) => r.trim()).filter(Boolean);
    const bad = names.filter((name) => !(ALL_RUNNERS as readonly string[]).includes(name));
    if (bad.length > 0) problems.push(`runners=: unknown ${bad.join(", ")} (use ${ALL_RUNNERS.join(", ")}).`);
    const good = names.filter((name): name is Runner => (ALL_RUNNERS as readonly string[]).includes(name));
    if (good.includes("python") && good.length > 1) problems.push('runners=: "python" runs Python source and cannot be mixed with the TypeScript runners.');
    else if (good.length > 0) options.runners = good;
  }

  const theme = query.get("theme");
  if (theme !== null) {
    if ((THEMES as readonly string[]).includes(theme)) options.theme = theme as Theme;
    else problems.push(`theme=${theme}: use light, dark or auto.`);
  }

  options.readOnly = flag(query, "readonly", problems);
  options.autorun = flag(query, "autorun", problems);

  const height = query.get("height");
  if (height !== null) {
    const px = Number(height.replace(/px$/, ""));
    if (Number.isFinite(px) && px >= 100 && px <= 5000) options.height = px;
    else problems.push(`height=${height}: a number of CSS pixels between 100 and 5000.`);
  }

  const origins = query.get("allowedOrigins");
  if (origins) {
    for (const entry of origins.split(/[\s,]+/).filter(Boolean)) {
      try {
        options.allowedOrigins.push(new URL(entry).origin);
      } catch {
        problems.push(`allowedOrigins: "${entry}" is not an origin (write it as https://example.org).`);
      }
    }
  }
  return options;
}

function flag(query: URLSearchParams, name: string, problems: string[]): boolean {
  const value = query.get(name);
  if (value === null || value === "0" || value === "false") return false;
  if (value === "1" || value === "true" || value === "") return true;
  problems.push(`${name}=${value}: use 1 or 0.`);
  return false;
}

/** The runners a host-code embed offers when runners= does not say. */
export const DEFAULT_RUNNERS: readonly Runner[] = RUNNERS;
