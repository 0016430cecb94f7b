import { blockKey } from "../store/progress-schema";
import { Prose } from "./Prose";
import { useProgress } from "./use-progress";

/** Prose an author marked `<!-- after the pass -->` (rendered at build time): it would give the exercise away, so it waits. */
export function AfterPass({ html, lessonSlug, blockId }: { html: string; lessonSlug: string; blockId: string }) {
  const passed = useProgress((state) => state.blocks[blockKey(lessonSlug, blockId)]?.passedAt !== undefined);
  if (!html.trim()) return null;
  if (!passed) return <p className="after-pass-waiting">More about this once the exercise above passes.</p>;
  return (
    <div className="after-pass">
      <Prose html={html} />
    </div>
  );
}
