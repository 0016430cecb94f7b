import type { HeaderRule } from "./config";

/** The headers a file at `path` (below the base) is served with: the rule of the longest matching prefix, over the "" rule. */
export function headersFor(path: string, rules: readonly HeaderRule[]): Record<string, string> {
  const matching = rules.filter((rule) => path.startsWith(rule.prefix)).sort((a, b) => a.prefix.length - b.prefix.length);
  return Object.assign({}, ...matching.map((rule) => rule.headers));
}

/**
 * `response` with `headers` set (replacing what the host sent under the same names). An opaque
 * response cannot be read or rebuilt, and the site has none: it is returned as it is.
 */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  if (response.type === "opaque" || response.type === "opaqueredirect" || response.status === 0) return response;
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  // 204/304 may not carry a body; everything else keeps its stream.
  const body = response.status === 204 || response.status === 304 ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: merged });
}
