import { describe, expect, it } from "vitest";
import { accentCss } from "./accent-css";

const TONES = { light: { accent: "#6a1fd0", onAccent: "#ffffff" }, dark: { accent: "#b48cff", onAccent: "#0c1420" } };

describe("accentCss", () => {
  it("sets the light tone, the dark one for a dark scheme, and both for a forced theme", () => {
    const css = accentCss(TONES);
    expect(css).toContain(":root{--accent:#6a1fd0;--accent-fg:#ffffff;}");
    expect(css).toContain("@media (prefers-color-scheme: dark){:root{--accent:#b48cff;--accent-fg:#0c1420;}}");
    expect(css).toContain(':root[data-theme="dark"]{--accent:#b48cff;');
    expect(css).toContain(':root[data-theme="light"]{--accent:#6a1fd0;');
  });

  it("writes nothing for a value that is not #rrggbb", () => {
    expect(accentCss({ ...TONES, dark: { accent: "red;}body{display:none", onAccent: "#000000" } })).toBe("");
  });
});
