// The playground's code as highlighted static HTML, at build time: what the prerendered page
// shows before (and without) the editor, coloured as Monaco colours it (src/ui/styles.css has
// the vs / vs-dark colours), so the editor taking over changes nothing a reader notices.
// A small tokenizer (comments, strings, numbers, keywords), not a parser: lesson code is short.

export type CodeLanguage = "typescript" | "python";

const TS_KEYWORDS = "abstract any as async await boolean break case catch class const continue declare default delete do else enum export extends false finally for from function if implements import in instanceof interface let new null number of private protected public readonly return static string super switch this throw true try type typeof undefined unknown var void while yield never bigint symbol object";
const PY_KEYWORDS = "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case";

const PATTERNS: Record<CodeLanguage, RegExp> = {
  typescript: tokenPattern(String.raw`\/\/[^\n]*|\/\*[\s\S]*?\*\/`, String.raw`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|` + "`(?:[^`\\\\]|\\\\.)*`", TS_KEYWORDS),
  python: tokenPattern(String.raw`#[^\n]*`, String.raw`[rbfu]{0,2}(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')`, PY_KEYWORDS),
};

function tokenPattern(comment: string, string: string, keywords: string): RegExp {
  const words = keywords.split(" ").join("|");
  return new RegExp(`(${comment})|(${string})|(\\b\\d[\\d_]*(?:\\.\\d+)?(?:e[+-]?\\d+)?n?\\b)|(\\b(?:${words})\\b)`, "g");
}

const CLASSES = ["tok-comment", "tok-string", "tok-number", "tok-keyword"] as const;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `code` as HTML: its text, escaped, with `<span class="tok-…">` around comments, strings, numbers and keywords. */
export function highlightCode(code: string, language: CodeLanguage): string {
  const pattern = new RegExp(PATTERNS[language]);
  let html = "";
  let at = 0;
  for (const match of code.matchAll(pattern)) {
    const kind = match.slice(1).findIndex((group) => group !== undefined);
    html += escapeHtml(code.slice(at, match.index)) + `<span class="${CLASSES[kind] ?? ""}">${escapeHtml(match[0])}</span>`;
    at = match.index + match[0].length;
  }
  return html + escapeHtml(code.slice(at));
}
