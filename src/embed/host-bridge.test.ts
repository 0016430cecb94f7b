import { describe, expect, it } from "vitest";
import { createHostBridge, type BridgeWindow } from "./host-bridge";
import type { HostMessage } from "./protocol";

function fakeWindow(parentOrigin = "https://course.example") {
  const posted: [unknown, string][] = [];
  const parent = { postMessage: (message: unknown, target: string) => posted.push([message, target]) };
  let listener: ((event: MessageEvent) => void) | undefined;
  const win: BridgeWindow = {
    parent,
    location: { ancestorOrigins: [parentOrigin] },
    document: { referrer: "" },
    addEventListener: (_type, l) => (listener = l),
    removeEventListener: () => (listener = undefined),
  };
  const send = (data: unknown, origin = parentOrigin, source: unknown = parent) => listener?.({ data, origin, source } as MessageEvent);
  return { win, posted, send, parent };
}

function bridge(allowedOrigins: string[] = [], parentOrigin?: string) {
  const fake = fakeWindow(parentOrigin);
  const warnings: string[] = [];
  const handled: HostMessage[] = [];
  const b = createHostBridge(fake.win, { allowedOrigins, warn: (w) => warnings.push(w) }, (m) => handled.push(m));
  return { ...fake, warnings, handled, bridge: b };
}

describe("host bridge", () => {
  it("posts to the parent only, addressed to the parent's origin", () => {
    const { bridge: b, posted } = bridge();
    b.post({ type: "lanes:ready" });
    expect(posted).toEqual([[{ type: "lanes:ready" }, "https://course.example"]]);
  });

  it("hands well-formed messages from the parent to the playground", () => {
    const { send, handled } = bridge();
    send({ type: "lanes:run", id: "1", code: "x" });
    expect(handled).toEqual([{ type: "lanes:run", id: "1", code: "x" }]);
  });

  it("ignores messages from any window but the parent", () => {
    const { send, handled, warnings } = bridge();
    send({ type: "lanes:stop" }, "https://course.example", {});
    expect(handled).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("ignores other libraries' messages silently", () => {
    const { send, handled, warnings } = bridge();
    send({ type: "webpackHotUpdate" });
    send("hello");
    expect(handled).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("ignores a malformed message with one warning that says what is wrong", () => {
    const { send, handled, warnings } = bridge();
    send({ type: "lanes:run", code: "x" });
    expect(handled).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/lanes:run.*id/);
  });

  it("with allowedOrigins, takes orders only from them", () => {
    const { send, handled, warnings } = bridge(["https://course.example"]);
    send({ type: "lanes:stop" }, "https://evil.example");
    send({ type: "lanes:stop" });
    expect(handled).toEqual([{ type: "lanes:stop" }]);
    expect(warnings).toHaveLength(1);
  });

  it("says nothing to a parent outside allowedOrigins", () => {
    const { bridge: b, posted, warnings } = bridge(["https://course.example"], "https://elsewhere.example");
    b.post({ type: "lanes:ready" });
    expect(posted).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
