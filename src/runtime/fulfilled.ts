// Promises already fulfilled, shared by the primitives' fast paths: taking a free lock (or a
// lock a worker waited for, which it gets without its event loop) returns one of these rather
// than a new promise. They can never fail, so the compiler's await wrapper (await-site.ts)
// passes them through as they are: `await lock.acquire()` on a free lock costs one await,
// not an allocation, a closure and two more turns of the microtask queue.

export const FULFILLED_TRUE: Promise<boolean> = Promise.resolve(true);
export const FULFILLED_FALSE: Promise<boolean> = Promise.resolve(false);
export const FULFILLED_VOID: Promise<void> = Promise.resolve();

/** Promises of a value made already fulfilled (a queue's item taken at once), weakly held. */
const fulfilledValues = new WeakSet<Promise<unknown>>();

/** `value` in a promise already fulfilled with it, which await-site passes through. `value` must not be a thenable. */
export function fulfilledWith<T>(value: T): Promise<T> {
  const promise = Promise.resolve(value);
  fulfilledValues.add(promise);
  return promise;
}

/** `ok` as one of the shared fulfilled promises. */
export function fulfilled(ok: boolean): Promise<boolean> {
  return ok ? FULFILLED_TRUE : FULFILLED_FALSE;
}

/** True for the shared fulfilled promises: nothing can fail through them. */
export function cannotFail(value: unknown): boolean {
  return value === FULFILLED_TRUE || value === FULFILLED_FALSE || value === FULFILLED_VOID || (value instanceof Promise && fulfilledValues.has(value));
}
