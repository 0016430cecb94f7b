import { useCallback, useEffect, useRef, useState } from "react";

export type ReplaySpeed = 0.25 | 1;

/**
 * A playhead that moves through run time in real time or slowed down: the "predict, then
 * watch" moment. null when not replaying (everything is shown).
 */
export function useReplay(endMs: number) {
  const [playhead, setPlayhead] = useState<number | null>(null);
  const frame = useRef(0);

  const stop = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    setPlayhead(null);
  }, []);

  const play = useCallback(
    (speed: ReplaySpeed) => {
      cancelAnimationFrame(frame.current);
      const started = performance.now();
      const tick = (now: number) => {
        const t = (now - started) * speed;
        if (t >= endMs) return stop();
        setPlayhead(t);
        frame.current = requestAnimationFrame(tick);
      };
      setPlayhead(0);
      frame.current = requestAnimationFrame(tick);
    },
    [endMs, stop],
  );

  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return { playhead, play, stop };
}
