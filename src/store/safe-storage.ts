import type { StateStorage } from "zustand/middleware";

/** What the app can promise about saving work. */
export type StorageHealth = "ok" | "unavailable" | "full";

/**
 * localStorage that never throws: private modes and full disks turn into a status the UI shows
 * ("your work will not be saved"), while the app itself keeps working from memory.
 */
export function safeStorage(onHealth: (health: StorageHealth) => void, backing: () => Storage = () => window.localStorage): StateStorage {
  let storage: Storage | null = null;
  try {
    storage = backing();
    const probe = "__lanes_probe__";
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    onHealth("ok");
  } catch {
    storage = null;
    onHealth("unavailable");
  }
  return {
    getItem: (name) => {
      try {
        return storage?.getItem(name) ?? null;
      } catch {
        return null;
      }
    },
    setItem: (name, value) => {
      if (!storage) return;
      try {
        storage.setItem(name, value);
        onHealth("ok");
      } catch (error) {
        onHealth(isQuotaError(error) ? "full" : "unavailable");
      }
    },
    removeItem: (name) => {
      try {
        storage?.removeItem(name);
      } catch {
        /* nothing to remove where nothing can be stored */
      }
    },
  };
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
}
