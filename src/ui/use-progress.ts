import { useStore } from "zustand";
import { progressStore, type ProgressState } from "../store/progress-store";

/** Read the persisted progress store from React (the store itself is framework-free). */
export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useStore(progressStore(), selector);
}
