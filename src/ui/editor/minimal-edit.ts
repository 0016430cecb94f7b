/**
 * The smallest single replacement that turns `before` into `after`: the text between their
 * common prefix and common suffix. Applied instead of replacing the whole text, it leaves the
 * cursor where it was when the change is elsewhere (Monaco moves a cursor past an edit along with
 * the text), and keeps the lines scrolled into view. Offsets are UTF-16 indexes into `before`;
 * null when the texts are equal. A cut never splits a surrogate pair.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  // The suffix may not overlap the prefix in either text.
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
