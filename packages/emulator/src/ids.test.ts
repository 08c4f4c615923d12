import { describe, expect, it } from "vitest";
import { IdGenerator } from "./ids.ts";

describe("IdGenerator", () => {
  it("counts in deterministic mode and rewinds to a checkpoint", () => {
    const ids = new IdGenerator(true);
    expect(ids.next("inv")).toBe("inv_000000000000000000000001");
    ids.checkpoint();
    expect(ids.next("grt")).toBe("grt_000000000000000000000002");
    ids.rewind();
    expect(ids.next("grt")).toBe("grt_000000000000000000000002");
  });

  it("draws random hex otherwise, matching the invoice id pattern", () => {
    const ids = new IdGenerator(false);
    const a = ids.next("inv");
    expect(a).toMatch(/^inv_[a-f0-9]{24}$/);
    expect(ids.next("inv")).not.toBe(a);
  });
});
