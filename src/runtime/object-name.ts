// The runtime half of object naming (see src/compile/object-names.ts).
import { SyncObject } from "./sync/sync-object";

/** The name compiled programs import it by (the compiler and the lanes shim agree on it). */
export const NAME_OBJECT = "$__lanesName";

/** Give a primitive the name of the variable it is stored in; returns it unchanged. */
export function nameObject<T>(name: string, value: T): T {
  if (value instanceof SyncObject) value.rename(name);
  return value;
}
