// An embed's theme= and lanes:set-theme: the app follows prefers-color-scheme everywhere (CSS
// media queries, Monaco's theme, the timeline's colours), so a forced theme is applied at that
// one source: `matchMedia` answers for the forced scheme (and tells its listeners when it
// changes), and the stylesheets' `prefers-color-scheme` rules are switched on or off to match.
import type { Theme } from "./protocol";

const QUERY = /prefers-color-scheme:\s*(dark|light)/;

type Listener = (event: MediaQueryListEvent) => void;

export function installForcedTheme(initial: Theme) {
  const realMatchMedia = window.matchMedia.bind(window);
  const system = realMatchMedia("(prefers-color-scheme: dark)");
  let theme = initial;
  // One list per scheme, shared by every caller (each render may ask again).
  const lists = new Map<string, FakeList>();
  const dark = () => (theme === "auto" ? system.matches : theme === "dark");

  class FakeList extends EventTarget implements MediaQueryList {
    onchange: ((this: MediaQueryList, ev: MediaQueryListEvent) => unknown) | null = null;
    constructor(readonly media: string, private readonly scheme: string) {
      super();
    }
    get matches() {
      return dark() === (this.scheme === "dark");
    }
    addListener(listener: Listener | null) {
      if (listener) this.addEventListener("change", listener as EventListener);
    }
    removeListener(listener: Listener | null) {
      if (listener) this.removeEventListener("change", listener as EventListener);
    }
  }

  window.matchMedia = (media: string) => {
    const scheme = QUERY.exec(media)?.[1];
    if (!scheme) return realMatchMedia(media);
    let list = lists.get(scheme);
    if (!list) lists.set(scheme, (list = new FakeList(media, scheme)));
    return list;
  };

  const apply = () => {
    const isDark = dark();
    document.documentElement.style.colorScheme = isDark ? "dark" : "light";
    document.documentElement.dataset.theme = isDark ? "dark" : "light";
    for (const sheet of Array.from(document.styleSheets)) {
      let rules: CSSRuleList;
      try {
        rules = sheet.cssRules;
      } catch {
        continue; // another origin's sheet: none of ours
      }
      for (const rule of Array.from(rules)) {
        if (!(rule instanceof CSSMediaRule)) continue;
        // The original condition is kept in a data slot on the rule object, so a later change reapplies.
        const tagged = rule as CSSMediaRule & { lanesScheme?: string };
        tagged.lanesScheme ??= QUERY.exec(rule.media.mediaText)?.[1] ?? "";
        if (!tagged.lanesScheme) continue;
        rule.media.mediaText = (tagged.lanesScheme === "dark") === isDark ? "all" : "not all";
      }
    }
    for (const list of lists.values()) {
      const event = new Event("change") as MediaQueryListEvent;
      list.dispatchEvent(event);
      list.onchange?.call(list, event);
    }
  };

  system.addEventListener("change", () => theme === "auto" && apply());
  // Stylesheets arrive with the page's chunks: apply again whenever one is added.
  new MutationObserver(apply).observe(document.head, { childList: true });
  apply();

  return {
    set(next: Theme) {
      theme = next;
      apply();
    },
  };
}
