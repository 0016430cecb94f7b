import type { RefObject } from "react";

interface StageViewProps {
  /** The element the run's stage (the program's page, an iframe) is shown in while it runs. */
  slot: RefObject<HTMLDivElement | null>;
  running: boolean;
}

/**
 * The program's own page: while a run is in progress the stage shows its clock here. Under
 * `main` the clock stops whenever the program holds its page's thread, while Lanes goes on.
 */
export function StageView({ slot, running }: StageViewProps) {
  return (
    <div className="stage-view" data-running={running}>
      <span className="stage-view-label">Program’s page</span>
      <div className="stage-slot" ref={slot}>
        {!running && <span className="stage-view-idle">its clock runs here while the program runs</span>}
      </div>
    </div>
  );
}
