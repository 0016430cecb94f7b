// The frame's height follows its content, both ways: a run's timelines make it grow, clearing
// them makes it shrink. The host (embed.js) sets the iframe's height from these reports.
export function followContentHeight(content: HTMLElement, report: (height: number) => void): () => void {
  let last = -1;
  let frame = 0;
  const measure = () => {
    frame = 0;
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      report(height);
    }
  };
  // One report per frame at most: a live run changes the content many times a second.
  const observer = new ResizeObserver(() => {
    if (!frame) frame = requestAnimationFrame(measure);
  });
  observer.observe(content);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}
