// A program carried in a URL's fragment (`#code=…`, base64url of its UTF-8): the fragment never
// reaches a server. Used by embed.js (the host's <pre> to the iframe) and by "Open in Lanes".
// No dependencies: embed.js includes it.

export function encodeCode(code: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(code)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The program, or undefined if `encoded` is not base64url of UTF-8 text. */
export function decodeCode(encoded: string): string | undefined {
  try {
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The `code` entry of a fragment such as `#code=…`. */
export function codeFromHash(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("code");
  return value === null ? undefined : decodeCode(value);
}
