// "A new version is ready": a tiny external store the update notice reads (useSyncExternalStore).

type Apply = () => void;
let apply: Apply | undefined;
const listeners = new Set<() => void>();

/** The way to switch to the waiting version, or undefined when there is none. */
export function pendingUpdate(): Apply | undefined {
  return apply;
}

export function offerUpdate(next: Apply): void {
  apply = next;
  listeners.forEach((listener) => listener());
}

export function subscribeToUpdates(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
