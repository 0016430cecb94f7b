// The one reload of a first visit on a host that cannot send COOP/COEP: the page that registered
// the service worker was served without them, so only the next load is isolated. Guarded so it
// happens at most once per tab: if isolation still fails after it (a browser that ignores the
// worker's headers, a host that strips them), the app runs without isolation, as it does
// without service workers (docs/runtime.md: the workers runner falls back).

const KEY = "lanes:isolation-reload";

export interface IsolationState {
  isolated: boolean;
  /** The page is controlled by Lanes' service worker, so a reload gets its headers. */
  controlled: boolean;
  /** Session storage, or undefined where it is unavailable (then there is no guard, and no reload). */
  session: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined;
}

/** Whether to reload now; records the reload so that it cannot happen twice. */
export function takeIsolationReload({ isolated, controlled, session }: IsolationState): boolean {
  if (isolated) {
    session?.removeItem(KEY); // isolated: a later unisolated load (a hard reload) may try again
    return false;
  }
  if (!controlled || !session || session.getItem(KEY) !== null) return false;
  session.setItem(KEY, String(Date.now()));
  return true;
}

/** sessionStorage if this page may use it (it throws in some private modes and sandboxes). */
export function sessionStorageOrUndefined(): Storage | undefined {
  try {
    const storage = window.sessionStorage;
    storage.setItem(`${KEY}:probe`, "1");
    storage.removeItem(`${KEY}:probe`);
    return storage;
  } catch {
    return undefined;
  }
}
