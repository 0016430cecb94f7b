import { describe, expect, it } from "vitest";
import { starterChanged, starterOf } from "./starter-change";

const OLD = 'import { sleep } from "lanes";\nexport default async function main() { await sleep(50); }\n';
const NEW = OLD.replace("50", "80");

describe("starterChanged", () => {
  it("is false for a draft edited from the lesson's code as it is now", () => {
    expect(starterChanged(true, starterOf(NEW), NEW)).toBe(false);
  });

  it("is true for a draft edited from an earlier version of the lesson's code", () => {
    expect(starterChanged(true, starterOf(OLD), NEW)).toBe(true);
  });

  it("is false without a draft, whatever was recorded", () => {
    expect(starterChanged(false, starterOf(OLD), NEW)).toBe(false);
  });

  it("treats a draft saved before starters were recorded as unknown, not changed", () => {
    expect(starterChanged(true, undefined, NEW)).toBe(false);
  });
});
