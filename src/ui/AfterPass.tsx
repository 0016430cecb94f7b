import { blockKey } from "../store/progress-schema";
import { Prose } from "./Prose";
import { useProgress } from "./use-progress";

/** Prose an author marked `<!-- after the pass -->`: it would give the exercise away, so it waits. */
export function AfterPass({ markdown, lessonSlug, blockId, slugFor }: { markdown: string; lessonSlug: string; blockId: string; slugFor(text: string): string }) {
  const passed = useProgress((state) => state.blocks[blockKey(lessonSlug, blockId)]?.passedAt !== undefined);
  if (!markdown.trim()) return null;
  if (!passed) return <p className="after-pass-waiting">More about this once the exercise above passes.</p>;
  return (
    <div className="after-pass">
      <Prose markdown={markdown} slugFor={slugFor} />
    </div>
  );
}
