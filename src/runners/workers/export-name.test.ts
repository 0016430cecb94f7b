import { describe, expect, it } from "vitest";
import { exportNameOf, functionName, taskByName } from "./export-name";

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

describe("a task from a helper file", () => {
  function heavy() {}
  const helpers = { heavy, other: () => 2 };
  const exports = { default: () => undefined, "lanes:file:helpers.ts": helpers };

  it("is named by its file and its export name", () => {
    expect(exportNameOf(heavy, exports)).toBe("helpers.ts#heavy");
  });

  it("is labelled by the function's own name", () => {
    expect([functionName("helpers.ts#heavy"), functionName("heavy"), functionName("a#b")]).toEqual(["heavy", "heavy", "a#b"]);
  });

  it("is found again by that name in a worker's import of the program", () => {
    expect(taskByName(exports, exportNameOf(heavy, exports))).toBe(heavy);
  });

  it("is the program's own export when the program re-exports it", () => {
    expect(exportNameOf(heavy, { heavy, ...exports })).toBe("heavy");
  });

  it("is undefined for a file or a name the program does not have", () => {
    expect([taskByName(exports, "data.ts#heavy"), taskByName(exports, "helpers.ts#nothing")]).toEqual([undefined, undefined]);
  });

  it("does not hide the program's own export whose name has a #", () => {
    expect(taskByName({ "helpers.ts#heavy": fetchPage, ...exports }, "helpers.ts#heavy")).toBe(fetchPage);
  });
});
