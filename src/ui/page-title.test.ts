import { describe, expect, it } from "vitest";
import { pageTitle } from "./page-title";

describe("pageTitle", () => {
  it("is the course's title on the home page", () => {
    expect(pageTitle("Pools in a weekend", { kind: "home" })).toBe("Pools in a weekend");
  });

  it("puts the lesson first on a lesson's page", () => {
    expect(pageTitle("Pools in a weekend", { kind: "lesson", title: "Sleepers" })).toBe("Sleepers · Pools in a weekend");
  });

  it("names a missing page", () => {
    expect(pageTitle("Lanes", { kind: "missing" })).toBe("Page not found · Lanes");
  });
});
