// A course's accent colour, made safe to read: the tone used in light mode and the one used in
// dark mode, each with the text colour that goes on it. The accent colours links and headings'
// marks on the page (text on the page's surfaces) and fills buttons (text on the accent), so
// each tone must keep WCAG AA contrast, 4.5:1, both ways. The author's colour is kept as it is
// where it already does; otherwise it is mixed with black (light mode) or white (dark mode), in
// small steps, until it does: the nearest tone of the same hue that reads. Pure: sRGB numbers in,
// hex out.

/** sRGB, each channel 0-255. */
export type Rgb = readonly [number, number, number];

export interface AccentTone {
  /** The accent: links, marks, button fills. */
  accent: string;
  /** Text on the accent (a button's label). */
  onAccent: string;
}

export interface AccentTones {
  light: AccentTone;
  dark: AccentTone;
}

/** WCAG AA for body text, with a little room for the accent tints some notices use. */
export const MIN_CONTRAST = 4.6;

// Lanes' surfaces (src/ui/styles.css: --bg, --card) and its text colours for on-accent labels.
const LIGHT = { surfaces: [hex("#fbfaf7"), hex("#ffffff")], card: hex("#ffffff"), toward: [0, 0, 0] as Rgb };
const DARK = { surfaces: [hex("#15171b"), hex("#1d2026")], card: hex("#1d2026"), toward: [255, 255, 255] as Rgb };
const LABELS = [hex("#ffffff"), hex("#0c1420")];

export function accentTones(colour: Rgb): AccentTones {
  return { light: toneFor(colour, LIGHT), dark: toneFor(colour, DARK) };
}

function toneFor(colour: Rgb, scheme: typeof LIGHT): AccentTone {
  for (let step = 0; step <= 50; step++) {
    const accent = mix(colour, scheme.toward, step / 50);
    // The notices tint the card with 10% of the accent; the accent must read on that too.
    const surfaces = [...scheme.surfaces, mix(scheme.card, accent, 0.1)];
    const label = bestLabel(accent);
    if (Math.min(...surfaces.map((s) => contrast(accent, s))) >= MIN_CONTRAST && contrast(accent, label) >= MIN_CONTRAST) {
      return { accent: toHex(accent), onAccent: toHex(label) };
    }
  }
  // Fully mixed, the accent is black or white, which always reads: never reached.
  return { accent: toHex(scheme.toward), onAccent: toHex(bestLabel(scheme.toward)) };
}

function bestLabel(accent: Rgb): Rgb {
  return LABELS.reduce((best, c) => (contrast(accent, c) > contrast(accent, best) ? c : best));
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** `t` of the way from `a` to `b`, per sRGB channel, rounded to whole values (what hex can say). */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as unknown as Rgb;
}

export function toHex(c: Rgb): string {
  return `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

/** `#rrggbb` to numbers (the surfaces above; parsing authors' colours is the build's, with a CSS parser). */
export function hex(text: string): Rgb {
  const n = Number.parseInt(text.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
