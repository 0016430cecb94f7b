/**
 * A short fingerprint of a program's text (32-bit FNV-1a, hex): enough to tell "this program
 * was run here before" without storing the code again. Whitespace at the ends is ignored.
 */
export function fingerprint(code: string): string {
  let hash = 0x811c9dc5;
  const text = code.trim();
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
