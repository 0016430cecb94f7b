// The build's checks of course.yaml's `accent:` and `logo:` (src/lessons/read-course.ts says
// where they are reported): the accent must be a CSS colour, parsed by the CSS parser Vite
// ships (lightningcss) and turned into tones that keep text readable; the logo must be an
// image file inside the course folder, which the site then serves under a name that changes
// with its content (so a new logo is never hidden by a cached old one).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, relative, resolve, sep } from "node:path";
import { transform, type CssColor } from "lightningcss";
import { accentTones, type AccentTones, type Rgb } from "../src/lessons/accent-tones.ts";
import type { CourseAssets, FieldCheck } from "../src/lessons/read-course.ts";

/** A logo the site serves: where it is, and its file name in the site. */
export interface LogoAsset {
  path: string;
  fileName: string;
}

const LOGO_TYPES: Record<string, { mime: string; is(bytes: Buffer): boolean }> = {
  ".svg": { mime: "image/svg+xml", is: (b) => /<svg[\s>]/i.test(b.subarray(0, 4096).toString("utf8")) },
  ".png": { mime: "image/png", is: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  ".jpg": { mime: "image/jpeg", is: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  ".jpeg": { mime: "image/jpeg", is: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  ".gif": { mime: "image/gif", is: (b) => b.subarray(0, 4).toString("latin1") === "GIF8" },
  ".webp": { mime: "image/webp", is: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  ".avif": { mime: "image/avif", is: (b) => b.subarray(4, 12).toString("latin1") === "ftypavif" },
};
/** Every page shows the logo: past this, it is most of what a page downloads. */
const LOGO_WARN_BYTES = 100_000;

export const logoMime = (fileName: string): string => LOGO_TYPES[extname(fileName).toLowerCase()]?.mime ?? "application/octet-stream";

/** The checks for one course folder; `logo()` is the logo they accepted, for the build to emit. */
export function courseAssets(dir: string): CourseAssets & { logo: FieldCheck<string>; accepted(): LogoAsset | undefined } {
  let accepted: LogoAsset | undefined;
  return {
    accent: checkAccent,
    logo: (value) => {
      const result = checkLogo(dir, value);
      if (!result.ok) return result;
      accepted = result.asset;
      return { ok: true, value: result.asset.fileName, ...(result.warning ? { warning: result.warning } : {}) };
    },
    accepted: () => accepted,
  };
}

const ACCENT_HELP = 'Write a CSS colour, e.g. accent: "#7a3cff", accent: "rgb(122 60 255)" or accent: rebeccapurple (quote a colour that starts with #: YAML reads the rest of the line after # as a comment).';

export const checkAccent: FieldCheck<AccentTones> = (value) => {
  const rgb = parseColour(value);
  if (typeof rgb === "string") return { ok: false, message: `The accent "${value}" ${rgb}. ${ACCENT_HELP}` };
  return { ok: true, value: accentTones(rgb) };
};

/** An opaque colour in sRGB, or why the text is not one. */
export function parseColour(text: string): Rgb | string {
  if (/[;{}]/.test(text)) return "is not a CSS colour";
  const first = firstColour(text, true);
  if (first === undefined) return "is not a CSS colour";
  // System colours (Canvas, AccentColor) are names, currentcolor and light-dark() depend on the page.
  if (typeof first === "string" || first.type === "currentcolor" || first.type === "light-dark") return "is not one fixed colour (it depends on the browser or the page, so its contrast cannot be checked)";
  // Any CSS colour space: lightningcss, asked for an old browser, writes an sRGB fallback first.
  const rgb = first.type === "rgb" ? first : firstColour(text, false);
  if (typeof rgb !== "object" || rgb.type !== "rgb") return "is a colour Lanes cannot convert to sRGB";
  if (rgb.alpha < 1) return "is not opaque (its contrast would depend on what is under it)";
  return [rgb.r, rgb.g, rgb.b];
}

function firstColour(text: string, asWritten: boolean): CssColor | undefined {
  let found: CssColor | undefined;
  try {
    const css = `a{color:${text}}`;
    const written = asWritten ? css : transform({ filename: "accent.css", code: Buffer.from(css), minify: true, targets: { chrome: 40 << 16 } }).code.toString();
    transform({
      filename: "accent.css",
      code: Buffer.from(written),
      visitor: {
        Color(color) {
          found ??= color;
          return color;
        },
      },
    });
  } catch {
    return undefined;
  }
  return found;
}

type LogoResult = { ok: true; asset: LogoAsset; warning?: string } | { ok: false; message: string };

export function checkLogo(dir: string, value: string): LogoResult {
  const where = "the course folder (beside course.yaml)";
  if (isAbsolute(value) || /^[a-z][\w+.-]*:/i.test(value)) return { ok: false, message: `The logo "${value}" must be a file in ${where}, named by its path from there, e.g. logo: logo.svg.` };
  const path = resolve(dir, value);
  if (!inside(dir, path)) return { ok: false, message: `The logo "${value}" is outside ${where}: copy it into the folder and name it from there, e.g. logo: logo.svg.` };
  if (!existsSync(path)) return { ok: false, message: `There is no file "${value}" in ${where}: check the name, or add the image.` };
  if (!statSync(path).isFile()) return { ok: false, message: `The logo "${value}" is a folder, not an image file.` };
  if (!inside(realpathSync(dir), realpathSync(path))) return { ok: false, message: `The logo "${value}" is a link to a file outside ${where}: copy the image into the folder.` };
  const ext = extname(path).toLowerCase();
  const type = LOGO_TYPES[ext];
  const kinds = "SVG, PNG, JPEG, WebP, GIF or AVIF";
  if (!type) return { ok: false, message: `The logo "${value}" is not an image Lanes can show (${ext || "no extension"}): use an ${kinds} file.` };
  const bytes = readFileSync(path);
  if (!type.is(bytes)) return { ok: false, message: `The logo "${value}" is named ${ext} but is not ${ext === ".svg" ? "an SVG image (no <svg> element)" : `a ${ext.slice(1).toUpperCase()} image`}: save it again as an image.` };
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
  const asset = { path, fileName: `course/logo-${hash}${ext}` };
  const warning = bytes.length > LOGO_WARN_BYTES ? `The logo is ${Math.round(bytes.length / 1000)} kB, and every page loads it: make it smaller (under ${LOGO_WARN_BYTES / 1000} kB; an SVG, or a PNG of about 128 px).` : undefined;
  return { ok: true, asset, ...(warning ? { warning } : {}) };
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
