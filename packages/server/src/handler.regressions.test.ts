import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeHandler } from "./test-support/make-handler.ts";

/**
 * Bugs found by the hostile-input properties (handler.hostile-input.test.ts), each pinned by the
 * smallest input that showed it.
 */

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.emu.close());

describe("regressions", () => {
  it("a __proto__ query parameter is refused, not silently dropped (it used to answer 200)", async () => {
    const client = makeHandler(emu);
    for (const path of ["/catalog?__proto__=1", "/balance?__proto__=", "/grants?limit=5&__proto__=x"]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(400);
      expect(res.json.error).toMatchObject({ code: "validation_failed", field: "__proto__" });
    }
    expect((await emu.requests()).length).toBe(0);
  });

  it('an empty key is named "" in field and issues (field used to be the empty string)', async () => {
    const client = makeHandler(emu);
    for (const path of ["/catalog?=1", "/catalog?=&="]) {
      expect((await client.get(path)).json.error).toMatchObject({ code: "validation_failed", field: '""' });
    }
    const body = await client.buy({ "": [], packId: "starter" }, "empty-key-0001");
    expect(body.json.error).toMatchObject({ code: "validation_failed", field: '""' });
    expect(body.json.error.issues).toEqual([{ field: '""', message: "is not allowed" }]);
  });
});
