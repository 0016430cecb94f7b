import type { AccentTones } from "../lessons/accent-tones";

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * The course's accent as CSS custom properties over Lanes' own (src/ui/styles.css): the light
 * tone, the dark tone under prefers-color-scheme, and both again under an embed's forced theme
 * (`data-theme` on <html>, which outranks the media query). Only `#rrggbb` values, which the
 * build computed, are written: nothing else can reach the stylesheet.
 */
export function accentCss(tones: AccentTones): string {
  const { light, dark } = tones;
  if (![light.accent, light.onAccent, dark.accent, dark.onAccent].every((c) => HEX.test(c))) return "";
  const vars = (t: typeof light) => `--accent:${t.accent};--accent-fg:${t.onAccent};`;
  return [
    `:root{${vars(light)}}`,
    `@media (prefers-color-scheme: dark){:root{${vars(dark)}}}`,
    `:root[data-theme="light"]{${vars(light)}}`,
    `:root[data-theme="dark"]{${vars(dark)}}`,
  ].join("\n");
}
