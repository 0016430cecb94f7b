import { describe, expect, it } from "vitest";
import { pageFor, pathBelowBase } from "./pages";

const PRECACHED = new Set(["index.html", "404.html", "lessons/the-gil.html", "assets/index-1a2b.js"]);

describe("pathBelowBase", () => {
  it("strips the base", () => {
    expect(pathBelowBase("/course/lanes/lessons/the-gil", "/course/lanes/")).toBe("lessons/the-gil");
    expect(pathBelowBase("/lessons/the-gil", "/")).toBe("lessons/the-gil");
  });

  it("takes the base without its slash as the home page", () => {
    expect(pathBelowBase("/course/lanes", "/course/lanes/")).toBe("");
  });

  it("leaves paths outside the base alone", () => {
    expect(pathBelowBase("/course/other/x", "/course/lanes/")).toBeUndefined();
    expect(pathBelowBase("/course/lanesx/", "/course/lanes/")).toBeUndefined();
  });
});

describe("pageFor", () => {
  it("answers the home page with index.html", () => {
    for (const path of ["", "index.html", "/"]) expect(pageFor(path, PRECACHED)).toBe("index.html");
  });

  it("answers a lesson with its prerendered page, with or without .html or a trailing slash", () => {
    for (const path of ["lessons/the-gil", "lessons/the-gil.html", "lessons/the-gil/"]) expect(pageFor(path, PRECACHED)).toBe("lessons/the-gil.html");
  });

  it("answers anything else with 404.html, never with a script", () => {
    expect(pageFor("lessons/no-such-lesson", PRECACHED)).toBe("404.html");
    expect(pageFor("assets/index-1a2b", PRECACHED)).toBe("404.html");
  });
});
