// Which files of a lesson folder are lessons, and whether a lesson's file name can be its
// address. The router accepts /lessons/<slug> with a slug of letters, digits, `_` and `-`
// (src/ui/router.ts), so a file named otherwise would be listed with a dead link: refused here,
// with the name that would work. Pure: the caller lists the folder.
import { SLUG_PATTERN } from "./course-schema.ts";

/** Notes for teaching assistants may sit beside the lessons: a README is never a lesson. */
export function isLessonFileName(name: string): boolean {
  return name.endsWith(".md") && !/^readme\.md$/i.test(name);
}

/** `My Lesson` → `my-lesson`: what a non-slug name could be renamed to. */
export function suggestedSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "");
  return slug || "lesson";
}

/** Undefined when `slug` (the file name without .md) can be an address; else what to do. */
export function slugProblem(slug: string): string | undefined {
  if (SLUG_PATTERN.test(slug)) return undefined;
  const better = suggestedSlug(slug);
  return `The file name "${slug}.md" cannot be a lesson's address: /lessons/${slug} would be "Page not found". A lesson's file name may have only letters, digits, - and _ (no spaces, dots or accents): rename it to ${better}.md, whose address is /lessons/${better}.`;
}
