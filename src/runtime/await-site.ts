// Where a task's error reached the code that awaited it. A traceback in Python shows both the
// line that raised and the line of main() that was waiting; a JavaScript stack shows only the
// first (the await that receives an error captures no stack). So the compiler wraps every
// awaited value, `await $__lanesAt(line, value)`, and this remembers the line of the last await
// an error passed through: the outermost one, main()'s, when main() did not catch it.

import { cannotFail } from "./fulfilled";

/** The name compiled programs import it by (the compiler and the lanes shim agree on it). */
export const AWAIT_SITE_NAME = "$__lanesAt";
export const AWAIT_SITES_NAME = "$__lanesAtEach";

const arrivals = new WeakMap<object, number>();

function remember(line: number): (error: unknown) => never {
  return (error) => {
    if (typeof error === "object" && error !== null) arrivals.set(error, line);
    throw error;
  };
}

/** `await value` at `line`: the same value, its failure remembered on its way through. */
export function awaitSite(line: number, value: unknown): unknown {
  if (cannotFail(value) || typeof (value as { then?: unknown } | null)?.then !== "function") return value;
  return Promise.resolve(value as PromiseLike<unknown>).then(undefined, remember(line));
}

/** `for await (… of iterable)` at `line`: the same items, a failing `next()` remembered. */
export function awaitSiteIterable(line: number, iterable: unknown): unknown {
  const source = iterable as { [Symbol.asyncIterator]?: () => AsyncIterator<unknown> } | null;
  const make = source?.[Symbol.asyncIterator];
  if (typeof make !== "function") return iterable; // a sync iterable: each item goes through await as is
  return {
    [Symbol.asyncIterator]() {
      const iterator = make.call(source);
      return {
        next: (...args: [] | [unknown]) => Promise.resolve(iterator.next(...args)).then(undefined, remember(line)),
        return: (value?: unknown) => (iterator.return ? iterator.return(value) : Promise.resolve({ done: true as const, value })),
      };
    },
  };
}

/** The line of the last await `error` passed through, if any. */
export function arrivalLine(error: unknown): number | undefined {
  return typeof error === "object" && error !== null ? arrivals.get(error) : undefined;
}
