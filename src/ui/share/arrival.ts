// The share link this page was opened with, decoded once before the first render (decoding is
// asynchronous: DecompressionStream), so the playground it is for starts with its code.

import { decodeShare, type ReadShare, type SharedProgram } from "../../share/share-link";

export type Arrival = { kind: "ok"; program: SharedProgram; target: string } | { kind: "bad"; message: string; target: string };

let read: ReadShare = { kind: "none" };
/** The fragment `read` came from: once the URL no longer has it (another lesson, or put away), it is over. */
let readFrom = "";

/**
 * A chat app that encoded the `#` too turned the fragment into part of the path
 * (`/lessons/x%23code%3D1.…`): move it back where it belongs before the route is read.
 */
function repairPath(): void {
  const moved = /%(?:25)?23(code(?:=|%3D|%253D).*)$/i.exec(window.location.pathname);
  if (!moved) return;
  const path = window.location.pathname.slice(0, moved.index);
  window.history.replaceState(null, "", `${path}${window.location.search}#${moved[1]}`);
}

export async function readArrival(): Promise<void> {
  repairPath();
  readFrom = window.location.hash;
  read = await decodeShare(readFrom);
  // A share link pasted into the address bar of an open lesson changes only the fragment.
  window.addEventListener("hashchange", () => {
    if (/^#(code|%23code|code%3D)/i.test(window.location.hash)) window.location.reload();
  });
}

/** What the link brings to one of these playgrounds (the one it names, else the first), if anything. */
export function arrivalFor(playgroundIds: string[]): Arrival | null {
  if (read.kind === "none" || window.location.hash !== readFrom || playgroundIds.length === 0) return null;
  const first = playgroundIds[0]!;
  if (read.kind === "bad") return { kind: "bad", message: read.message, target: first };
  const named = read.program.playground;
  return { kind: "ok", program: read.program, target: named && playgroundIds.includes(named) ? named : first };
}

/** The student chose: drop the fragment, so a reload shows their own code. */
export function putArrivalAway(): void {
  read = { kind: "none" };
  readFrom = "";
  window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
}
