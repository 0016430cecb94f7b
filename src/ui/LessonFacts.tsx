import type { LessonMeta } from "../lessons/lesson-model";

/** "beginner · 8 min", from what the lesson's frontmatter says. */
export function lessonFacts(meta: Pick<LessonMeta, "level" | "minutes">): string {
  const { level, minutes } = meta;
  return [level, minutes !== undefined ? `${minutes} min` : undefined].filter(Boolean).join(" · ");
}

/**
 * A lesson's level, length and tags (frontmatter `level`, `minutes`, `tags`), on the home page's
 * cards and under the lesson's heading. Spans only: on the home page it sits inside a link.
 */
export function LessonFacts({ meta }: { meta: Pick<LessonMeta, "level" | "minutes" | "tags"> }) {
  const facts = lessonFacts(meta);
  if (!facts && meta.tags.length === 0) return null;
  return (
    <>
      {facts && <span className="lesson-facts">{facts}</span>}
      {meta.tags.length > 0 && (
        <span className="lesson-tags">
          <span className="visually-hidden">Topics: </span>
          {meta.tags.map((tag, i) => (
            <span key={tag} className="lesson-tag">
              {tag}
              {i < meta.tags.length - 1 && <span className="visually-hidden">, </span>}
            </span>
          ))}
        </span>
      )}
    </>
  );
}
