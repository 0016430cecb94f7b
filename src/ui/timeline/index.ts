// The timeline feature's public surface: components, and the pure pieces others may reuse.
export { Timeline, type TimelineProps, type OutputRef } from "./Timeline";
export { TimelineLegend, type TimelineLegendProps } from "./TimelineLegend";
export { SpanTable, type SpanTableProps } from "./SpanTable";
export { TimeScale, boundsForWall } from "./time-scale";
export { modelOf, describeRun, type TimelineModel } from "./timeline-model";
export { formatMs } from "./ticks";
