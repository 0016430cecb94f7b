import { describe, expect, it } from "vitest";
import { takeIsolationReload } from "./isolation-reload";

function memory(): Pick<Storage, "getItem" | "setItem" | "removeItem"> {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

describe("takeIsolationReload", () => {
  it("reloads a controlled page that is not isolated, once", () => {
    const session = memory();
    expect(takeIsolationReload({ isolated: false, controlled: true, session })).toBe(true);
    // The reload did not isolate it: no second reload, ever, in this tab.
    expect(takeIsolationReload({ isolated: false, controlled: true, session })).toBe(false);
    expect(takeIsolationReload({ isolated: false, controlled: true, session })).toBe(false);
  });

  it("does not reload an isolated page, and lets a later unisolated load try once more", () => {
    const session = memory();
    expect(takeIsolationReload({ isolated: false, controlled: true, session })).toBe(true);
    expect(takeIsolationReload({ isolated: true, controlled: true, session })).toBe(false);
    expect(takeIsolationReload({ isolated: false, controlled: true, session })).toBe(true);
  });

  it("does not reload a page the service worker does not control: the reload would change nothing", () => {
    expect(takeIsolationReload({ isolated: false, controlled: false, session: memory() })).toBe(false);
  });

  it("does not reload without session storage: nothing could stop a second reload", () => {
    expect(takeIsolationReload({ isolated: false, controlled: true, session: undefined })).toBe(false);
  });
});
