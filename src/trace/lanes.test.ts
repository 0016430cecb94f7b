import { describe, expect, it } from "vitest";
import {
  initialLanes,
  taskId,
  taskLabel,
  taskLane,
  taskOfLane,
  workerLane,
  workerOfLane,
} from "./lanes";

describe("lanes", () => {
  it("names a task lane by task id, labelled with its call", () => {
    expect(taskLane(taskId(3), taskLabel("fetchPage", "3"))).toEqual({ id: "task:3", label: "fetchPage(3)", kind: "task" });
  });

  it("numbers worker lanes from 1", () => {
    expect(workerLane(1)).toEqual({ id: "worker:1", label: "worker 1", kind: "thread" });
  });

  it("reads the task back from a task lane and nothing from others", () => {
    expect(taskOfLane("task:12")).toBe("12");
    expect(taskOfLane("worker:1")).toBeNull();
  });

  it("reads the worker number back and rejects malformed ids", () => {
    expect(workerOfLane("worker:4")).toBe(4);
    expect(workerOfLane("worker:0")).toBeNull();
    expect(workerOfLane("worker:x")).toBeNull();
    expect(workerOfLane("page")).toBeNull();
  });

  it("starts main and async with the driver and the page thread", () => {
    expect(initialLanes("main").map((l) => `${l.id}/${l.kind}/${l.label}`)).toEqual(["main/task/main()", "page/thread/page thread"]);
    expect(initialLanes("async").map((l) => l.id)).toEqual(["main", "page"]);
  });

  it("starts workers with the driver and one lane per worker", () => {
    expect(initialLanes("workers", 3).map((l) => l.id)).toEqual(["main", "worker:1", "worker:2", "worker:3"]);
  });

  it("returns fresh lane objects, so a caller cannot corrupt the next run's", () => {
    const first = initialLanes("main");
    (first[0] as { label: string }).label = "changed";
    expect(initialLanes("main")[0]?.label).toBe("main()");
  });
});
