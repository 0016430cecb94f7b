// Shared memory and synchronisation: the part of the `lanes` module in this folder.
export { Barrier } from "./barrier";
export { Condition } from "./condition";
export { Event } from "./event";
export { Lock } from "./lock";
export { Queue, type QueueOptions } from "./queue";
export { BoundedSemaphore, Semaphore, type SemaphoreOptions } from "./semaphore";
export { shared } from "./shared";
export { registerSyncTransfer } from "./transfer";
export { NO_SHARED_MEMORY, sharedMemoryAvailable } from "./memory";
