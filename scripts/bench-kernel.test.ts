import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kernelModuleBytes } from "../src/runtime/kernel";

describe("the benchmark's copy of the work kernel", () => {
  it("has the same bytes, so the bare pool Lanes is measured against runs the same loop", () => {
    const kit = readFileSync(new URL("../bench/lib/page-kit.js", import.meta.url), "utf8");
    const copied = /new Uint8Array\(\$\{JSON\.stringify\((\[[\d, ]+\])\)\}\)/.exec(kit)?.[1];
    expect(copied).toBeDefined();
    expect(JSON.parse(copied ?? "[]")).toEqual([...kernelModuleBytes()]);
  });
});
