import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { Client, handlerConfig } from "@creditkit/test-kit/handler-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTopUpHandler, TopUpConfigError } from "../index.ts";
import type { TopUpConfig } from "./config-types.ts";
import { parseConfig } from "./parse-config.ts";

// The handler's test preset (issue 17): what it changes, that explicit settings win, and where it
// is refused.

const emu = await emulatorForFile();
afterEach(() => vi.unstubAllEnvs());

const config = (extra: Partial<TopUpConfig> = {}): TopUpConfig => ({ ...handlerConfig(emu), ...extra }) as TopUpConfig;

function refusal(input: TopUpConfig): string {
  try {
    createTopUpHandler(input);
  } catch (error) {
    expect(error).toBeInstanceOf(TopUpConfigError);
    return (error as TopUpConfigError).message;
  }
  throw new Error("expected the config to be refused");
}

describe("testPreset", () => {
  it("turns off the caches, lifts the purchase budget and drops the read budget; explicit fields win", () => {
    const plain = parseConfig(config());
    expect([plain.entitlementCacheMs, plain.purchaseStatusCacheMs, plain.rateLimit.max]).toEqual([2000, 1000, 10]);
    const preset = parseConfig(config({ testPreset: true }));
    expect([preset.entitlementCacheMs, preset.purchaseStatusCacheMs, preset.readRateLimit]).toEqual([0, 0, null]);
    expect(preset.rateLimit).toEqual({ max: 10_000, windowSeconds: 60 });
    const mixed = parseConfig(
      config({ testPreset: true, entitlementCacheMs: 500, rateLimit: { max: 3, windowSeconds: 60 } }),
    );
    expect([mixed.entitlementCacheMs, mixed.rateLimit.max, mixed.purchaseStatusCacheMs]).toEqual([500, 3, 0]);
  });

  it("a balance read right after a change is the new one (the default 2 s cache answers the old one)", async () => {
    const read = async (client: Client) => (await client.get("/balance", { as: "acme-bob" })).json.balance as number;
    const cached = new Client(createTopUpHandler(config()));
    const fresh = new Client(createTopUpHandler(config({ testPreset: true })));
    const before = await read(cached);
    expect(await read(fresh)).toBe(before);
    const bob = emu.customer("acme-bob");
    const granted = await fetch(`${emu.emu.url}/v1/entitlements/${bob.entitlementId}/grants`, {
      method: "POST",
      headers: { authorization: `Bearer ${emu.emu.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ amount: 250, idempotencyKey: "preset-test" }),
    });
    expect(granted.status).toBe(201);
    expect(await read(cached)).toBe(before);
    expect(await read(fresh)).toBe(before + 250);
  });

  it("is refused with a live key, whatever NODE_ENV says", () => {
    const live = config({ testPreset: true });
    live.paygentic = { ...(live.paygentic as object), apiKey: "sk_live_abcdefghijklmnop" } as TopUpConfig["paygentic"];
    const message = refusal(live);
    expect(message).toContain("testPreset is for tests: refused with a live Paygentic key");
    expect(message).not.toContain("sk_live_abcdefghijklmnop");
  });

  it("is refused with NODE_ENV=production against a Paygentic that is not on this machine", () => {
    vi.stubEnv("NODE_ENV", "production");
    const remote = config({ testPreset: true });
    remote.paygentic = {
      ...(remote.paygentic as object),
      baseUrl: "https://api.paygentic.io",
    } as TopUpConfig["paygentic"];
    expect(refusal(remote)).toContain("testPreset is for tests: refused when NODE_ENV=production");
    // Without the preset the same config is fine, and a production build against the local emulator
    // (a Playwright run of `next start`) may use the preset.
    expect(() => createTopUpHandler({ ...remote, testPreset: false })).not.toThrow();
    expect(() => createTopUpHandler(config({ testPreset: true }))).not.toThrow();
  });
});
