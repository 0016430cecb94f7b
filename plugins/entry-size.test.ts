// The code every page loads must not grow with the lessons: each lesson's prose and code is its
// own chunk. Every page loads the entry and, once painted, the app (src/boot.tsx), each with the
// chunks they import statically; the lessons' summaries (the catalog) are among them. Builds the app twice (Monaco left out as external, to keep it quick: it is
// loaded lazily and does not change the entry), with the fixture lessons and with a 1 MB lesson more.
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Rolldown } from "vite";
import { describe, expect, it } from "vitest";

type Output = Rolldown.RolldownOutput;

async function buildWith(lessonsDir: string): Promise<Output> {
  process.env.LANES_LESSONS_DIR = lessonsDir;
  // Vitest sets NODE_ENV=test, which would give React's development build: measure the site's.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    const result = await build({
      logLevel: "silent",
      build: { write: false, rolldownOptions: { external: [/^monaco-editor/] } },
    });
    return (Array.isArray(result) ? result[0] : result) as Output;
  } finally {
    delete process.env.LANES_LESSONS_DIR;
    process.env.NODE_ENV = nodeEnv;
  }
}

function bigLesson(bytes: number): string {
  const paragraph = "Waiting is not working: a task that sleeps leaves the thread to the others, and a pool of three overlaps three waits. ";
  const lines = ["---", "title: A very long lesson", "summary: One megabyte of prose.", "order: 50", "---", ""];
  for (let size = 0, n = 1; size < bytes; n++) {
    const text = `## Part ${n}\n\n${paragraph.repeat(8)}\n`;
    lines.push(text);
    size += text.length;
  }
  return lines.join("\n");
}

const chunk = (output: Output, test: (c: Rolldown.OutputChunk) => boolean) => output.output.find((c): c is Rolldown.OutputChunk => c.type === "chunk" && test(c));

/** The entry and the app it imports after the first paint, with every chunk they import statically. */
function everyPageLoads(output: Output): Rolldown.OutputChunk[] {
  const byName = new Map(output.output.flatMap((c) => (c.type === "chunk" ? [[c.fileName, c] as const] : [])));
  const found = new Set<Rolldown.OutputChunk>();
  const visit = (c: Rolldown.OutputChunk | undefined) => {
    if (!c || found.has(c)) return;
    found.add(c);
    c.imports.forEach((name) => visit(byName.get(name)));
  };
  visit(chunk(output, (c) => c.isEntry && c.facadeModuleId?.endsWith("/index.html") === true));
  visit(chunk(output, (c) => c.facadeModuleId?.endsWith("/src/boot.tsx") === true));
  return [...found];
}

const codeOf = (chunks: Rolldown.OutputChunk[]) => chunks.map((c) => c.code).join("\n");

describe("the code every page loads", () => {
  it("does not grow with a 1 MB lesson, which gets a chunk of its own", async () => {
    const small = mkdtempSync(join(tmpdir(), "lanes-small-"));
    cpSync("e2e/fixtures/lessons/good", small, { recursive: true });
    const large = mkdtempSync(join(tmpdir(), "lanes-large-"));
    cpSync("e2e/fixtures/lessons/good", large, { recursive: true });
    writeFileSync(join(large, "50-very-long.md"), bigLesson(1_000_000));

    const before = everyPageLoads(await buildWith(small));
    const afterBuild = await buildWith(large);
    const after = everyPageLoads(afterBuild);
    const lessonChunk = chunk(afterBuild, (c) => c.fileName.includes("50-very-long"));

    // Both the entry and the app were found, and the catalog is in what every page loads.
    expect(before.some((c) => c.isEntry) && after.some((c) => c.facadeModuleId?.endsWith("/src/boot.tsx"))).toBe(true);
    expect(codeOf(after)).toContain("A very long lesson");
    // The catalog gains one summary (title, summary, slug: well under 1 kB), not the megabyte.
    expect(codeOf(after).length - codeOf(before).length).toBeLessThan(1_000);
    expect(codeOf(after)).not.toContain("Part 2");
    // Issue 16's budget for it, gzipped as a static host serves it (the lesson page's code, the
    // editor and each lesson are chunks of their own, loaded by the pages that use them).
    expect(gzipSync(codeOf(after)).length).toBeLessThan(100 * 1024);
    expect(lessonChunk?.code.length).toBeGreaterThan(1_000_000);
    expect(lessonChunk?.isDynamicEntry).toBe(true);
  }, 300_000);
});
