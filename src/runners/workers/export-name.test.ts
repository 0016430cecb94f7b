import { describe, expect, it } from "vitest";
import { exportNameOf } from "./export-name";

export function fetchPage() {}

describe("exportNameOf", () => {
  it("finds a function by its export name", () => {
    expect(exportNameOf(fetchPage, { fetchPage, other: () => 1 })).toBe("fetchPage");
  });

  it("finds a function exported under another name", () => {
    expect(exportNameOf(fetchPage, { renamed: fetchPage })).toBe("renamed");
  });

  it("refuses a function that is not exported, naming it", () => {
    function helper() {}
    expect(() => exportNameOf(helper, { fetchPage })).toThrow(/`helper` is not a top-level export/);
  });

  it("refuses an anonymous closure with words that say what to do", () => {
    expect(() => exportNameOf(
      [() => 1].map((f) => f)[0],
      { fetchPage },
    )).toThrow(/move it to the top level/);
  });

  it("does not send the default export (main runs only on the page)", () => {
    const main = () => undefined;
    expect(() => exportNameOf(main, { default: main })).toThrow(/not a top-level export/);
  });

  it("refuses something that is not a function", () => {
    expect(() => exportNameOf(42, {})).toThrow(/must be a function/);
  });
});
