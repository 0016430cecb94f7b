// How shared arrays and primitives cross to a worker (the boundary's codec, src/runtime/codec.ts):
// a primitive travels as its memory (a SharedArrayBuffer, shared by structured clone) and its
// id and name, and is rebuilt over that memory on the other side; the same id in one realm
// gives the same object back. Without shared memory, both are refused with NO_SHARED_MEMORY.
import { transferHandlers, type TransferHandler } from "../codec";
import { Barrier } from "./barrier";
import { Condition, type ConditionState } from "./condition";
import { Event } from "./event";
import { Lock } from "./lock";
import { isShared, NO_SHARED_MEMORY } from "./memory";
import { Queue, type QueueState } from "./queue";
import { BoundedSemaphore, Semaphore } from "./semaphore";
import type { Trackable } from "./counter-track";
import { unshareable } from "./shared";
import { findSyncObject, SyncObject, type SyncKind, type SyncState } from "./sync-object";

interface Sent {
  kind: SyncKind;
  state: SyncState;
  /** Its counter track is drawn (counter-track.ts): sampled in every realm. */
  track?: true;
}

const REBUILD: Record<SyncKind, (state: SyncState) => SyncObject> = {
  Lock: (s) => new Lock(s),
  Semaphore: (s) => new Semaphore(0, s),
  BoundedSemaphore: (s) => new BoundedSemaphore(0, s),
  Condition: (s) => new Condition(rebuild({ kind: "Lock", state: (s as ConditionState).lock }) as Lock, s),
  Event: (s) => new Event(s),
  Barrier: (s) => new Barrier(0, s),
  Queue: (s) => new Queue({}, s as QueueState),
};

function rebuild({ kind, state, track }: Sent): SyncObject {
  // Ids are unique across realms, so a known id is this very object (its memory, cloned, is a
  // new SharedArrayBuffer object over the same bytes).
  const known = findSyncObject(state.id);
  if (known && known.kind === kind) return known;
  const make = REBUILD[kind];
  if (!make) throw new TypeError(`Unknown kind of Lanes object: ${String(kind)}.`);
  const object = make(state);
  if (track && "tracked" in object) object.tracked = true;
  return object;
}

const primitives: TransferHandler<SyncObject, Sent> = {
  canHandle: (value): value is SyncObject => value instanceof SyncObject,
  serialize(value) {
    if (!isShared(value.buffer)) throw new TypeError(`${value.kind} \`${value.name}\` cannot be sent to a worker. ${NO_SHARED_MEMORY}`);
    const sent: Sent = { kind: value.kind, state: value.state() };
    if ((value as Partial<Trackable>).tracked) sent.track = true;
    return sent;
  },
  deserialize: rebuild,
};

const unshared: TransferHandler<object, never> = {
  canHandle: (value): value is object => unshareable.has(value as object),
  serialize() {
    throw new TypeError(`A shared array cannot be sent to a worker. ${NO_SHARED_MEMORY}`);
  },
  deserialize() {
    throw new TypeError("A shared array arrived without its memory.");
  },
};

/** Register the handlers in this realm (the page and each worker call it once). */
export function registerSyncTransfer(): void {
  transferHandlers.set("lanes.sync", primitives as TransferHandler);
  transferHandlers.set("lanes.unshared", unshared as TransferHandler);
}
