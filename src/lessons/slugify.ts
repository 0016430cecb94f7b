// Heading anchors. The UI gives each rendered heading the id `slugify(textContent)`, and the
// table of contents links to the same slugs, so the two must come from this one function.

/**
 * GitHub's rule: lower case, punctuation dropped, each space a dash (not collapsed), so
 * `## Locks & queues` is `#locks--queues` here as on GitHub.
 */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Plain text of a heading's inline markdown: what the rendered heading's textContent is. */
export function headingText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/(`+)(.*?)\1/g, "$2")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/(\*|_)(.*?)\1/g, "$2")
    .replace(/~~(.*?)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1")
    .trim();
}

/**
 * Slugs made unique in order of appearance, as GitHub does: the second "Try it" is `try-it-1`.
 * A UI rendering headings one by one can use one slugger per page to get the same ids.
 */
export function createSlugger(): (text: string) => string {
  const occurrences = new Map<string, number>();
  return (text) => {
    const original = slugify(text);
    let result = original;
    while (occurrences.has(result)) {
      const n = (occurrences.get(original) ?? 0) + 1;
      occurrences.set(original, n);
      result = `${original}-${n}`;
    }
    occurrences.set(result, 0);
    return result;
  };
}
