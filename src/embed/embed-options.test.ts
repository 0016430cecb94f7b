import { describe, expect, it } from "vitest";
import { codeFromHash, decodeCode, encodeCode } from "./code-fragment";
import { parseEmbedOptions } from "./embed-options";

describe("embed options", () => {
  it("defaults: the host's code, auto theme, editable, no autorun, any origin", () => {
    expect(parseEmbedOptions("")).toEqual({ theme: "auto", readOnly: false, autorun: false, allowedOrigins: [], problems: [] });
  });

  it("reads a lesson's playground and every option", () => {
    const options = parseEmbedOptions("?lesson=locks&playground=p2&runners=main,workers&theme=dark&readonly=1&height=480&autorun=1&allowedOrigins=https://a.example,http://localhost:4193/x");
    expect(options).toMatchObject({
      lesson: "locks",
      playground: "p2",
      runners: ["main", "workers"],
      theme: "dark",
      readOnly: true,
      height: 480,
      autorun: true,
      allowedOrigins: ["https://a.example", "http://localhost:4193"],
      problems: [],
    });
  });

  it("says what is wrong and falls back to the default", () => {
    const options = parseEmbedOptions("?lesson=locks&runners=main,gpu&theme=sepia&readonly=yes&height=20&allowedOrigins=nope");
    expect(options.lesson).toBeUndefined();
    expect(options.runners).toEqual(["main"]);
    expect(options.theme).toBe("auto");
    expect(options.readOnly).toBe(false);
    expect(options.height).toBeUndefined();
    expect(options.allowedOrigins).toEqual([]);
    expect(options.problems).toHaveLength(6);
  });

  it("refuses python mixed with the TypeScript runners", () => {
    const options = parseEmbedOptions("?runners=python,main");
    expect(options.runners).toBeUndefined();
    expect(options.problems[0]).toMatch(/python/);
  });
});

describe("code in the fragment", () => {
  it("round-trips text with any characters", () => {
    const code = 'import { print } from "lanes";\n// ünïcødé → 🧵 + / = ?&#\nexport default () => print("x");';
    expect(decodeCode(encodeCode(code))).toBe(code);
    expect(encodeCode(code)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("reads the code entry of a fragment", () => {
    expect(codeFromHash(`#code=${encodeCode("a")}`)).toBe("a");
    expect(codeFromHash("#other=1")).toBeUndefined();
  });

  it("gives undefined for what is not base64url of UTF-8", () => {
    expect(decodeCode("!!!")).toBeUndefined();
    expect(decodeCode(encodeCode("x").slice(0, 1) + "_w")).toBeUndefined();
  });
});
