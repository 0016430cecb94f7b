// "Open in Lanes": the same playground in a tab of its own, with the code now in the editor.
// An embed's saved work lives in storage partitioned by the host site (browsers keep a frame's
// storage per top-level site), so the app's own tab would not see it: the code travels in the
// URL's fragment instead, which never reaches a server.
import { encodeCode } from "./code-fragment";
import type { EmbedOptions } from "./embed-options";

export function openInLanesUrl(options: EmbedOptions, code: string): string {
  const query = new URLSearchParams();
  if (options.lesson && options.playground) {
    query.set("lesson", options.lesson);
    query.set("playground", options.playground);
  }
  if (options.runners) query.set("runners", options.runners.join(","));
  const page = new URL(`${import.meta.env.BASE_URL}embed`, window.location.origin);
  page.search = query.toString();
  page.hash = `code=${encodeCode(code)}`;
  return page.href;
}
