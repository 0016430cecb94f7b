// Clock alignment between realms. Each realm (page, worker) has its own performance.now(),
// counted from its own performance.timeOrigin; a worker's origin is later than the page's (it is
// created later), so its now() values are smaller for the same instant. Run times are ms since the
// run's t0 on the page, so a remote time is shifted by the difference of origins, then by t0:
//
//   t = remoteNow + remoteTimeOrigin - pageTimeOrigin - runT0
//
// Origins are epoch ms (~1.7e12), where a double resolves only ~0.25 µs. Subtracting the two
// origins first is exact (two doubles this close differ exactly, Sterbenz' lemma); adding
// remoteNow to an epoch-sized number first would round it to that coarser grain.

/** Maps a remote realm's (timeOrigin, performance.now()) to ms since the run's t0 on the page. */
export type AlignFn = (remoteTimeOrigin: number, remoteNow: number) => number;

/** Maps one realm's performance.now() to run time: what RunRecorder.applyEvents takes. */
export type ToRunTime = (remoteNow: number) => number;

/**
 * @param pageTimeOrigin the page's performance.timeOrigin
 * @param runT0 the page's performance.now() when main() was called
 */
export function alignTo(pageTimeOrigin: number, runT0: number): AlignFn {
  return (remoteTimeOrigin, remoteNow) => remoteTimeOrigin - pageTimeOrigin + (remoteNow - runT0);
}

/** The same alignment with the remote origin fixed, for one worker's batches. */
export function realmClock(pageTimeOrigin: number, runT0: number, remoteTimeOrigin: number): ToRunTime {
  // Folded once: per event this is a single addition.
  const offset = remoteTimeOrigin - pageTimeOrigin - runT0;
  return (remoteNow) => remoteNow + offset;
}

/** The page's own clock as run time (no origin shift): for events recorded on the page. */
export function pageClock(runT0: number): ToRunTime {
  return (now) => now - runT0;
}
