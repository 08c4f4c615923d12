import { describe, expect, it } from "vitest";
import { DEFAULT_READ_RATE_LIMIT, EnvError, parseEnv, paymentHostsFromEnv } from "./env.ts";

const demo = { apiKey: "sk_test_demoKey123", webhookSecret: "whsec_ZGVtbw==" };
const full = {
  PAYGENTIC_API_KEY: "sk_live_realKey456",
  PAYGENTIC_BASE_URL: "https://api.paygentic.io",
  PAYGENTIC_WEBHOOK_SECRET: "whsec_c2VjcmV0",
  CREDITKIT_PUBLIC_URL: "https://app.example.com",
  SESSION_SECRET: "s".repeat(40),
  PAYMENT_HOSTS: "https://checkout.paygentic.io, https://platform.paygentic.io",
};

function problems(env: Record<string, string | undefined>, development = false): string[] {
  try {
    parseEnv(env, { development, demo });
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error("expected the environment to be refused");
}

describe("parseEnv", () => {
  it("reads a complete production environment", () => {
    expect(parseEnv(full, { development: false })).toEqual({
      paygenticApiKey: "sk_live_realKey456",
      paygenticBaseUrl: "https://api.paygentic.io",
      webhookSecret: "whsec_c2VjcmV0",
      publicUrl: "https://app.example.com",
      sessionSecret: "s".repeat(40),
      paymentHosts: ["https://checkout.paygentic.io", "https://platform.paygentic.io"],
      emulatorMode: false,
      readRateLimit: { max: 120, windowSeconds: 60 },
    });
  });

  it("names EVERY missing variable in production, in one error", () => {
    const found = problems({});
    for (const name of [
      "PAYGENTIC_API_KEY",
      "PAYGENTIC_BASE_URL",
      "CREDITKIT_PUBLIC_URL",
      "SESSION_SECRET",
      "PAYMENT_HOSTS",
    ]) {
      expect(found.some((p) => p.startsWith(name))).toBe(true);
    }
    expect(found).toHaveLength(5);
  });

  it("names each bad variable without repeating secret values", () => {
    const bad = {
      PAYGENTIC_API_KEY: "pk_live_leakMe",
      PAYGENTIC_BASE_URL: "ftp://x",
      PAYGENTIC_WEBHOOK_SECRET: "secretLeak",
      CREDITKIT_PUBLIC_URL: "https://app.example.com/billing",
      SESSION_SECRET: "shortLeak",
      PAYMENT_HOSTS: "checkout.paygentic.io",
    };
    const found = problems(bad);
    expect(found).toHaveLength(6);
    const text = found.join("\n");
    for (const secret of ["pk_live_leakMe", "secretLeak", "shortLeak"]) expect(text).not.toContain(secret);
  });

  it("falls back to the emulator's demo seed in development", () => {
    expect(parseEnv({}, { development: true, demo })).toMatchObject({
      paygenticApiKey: "sk_test_demoKey123",
      paygenticBaseUrl: "http://127.0.0.1:4010",
      webhookSecret: "whsec_ZGVtbw==",
      publicUrl: "http://127.0.0.1:3000",
      paymentHosts: ["http://127.0.0.1:4010"],
      emulatorMode: true,
    });
    expect(parseEnv({ PORT: "3100" }, { development: true, demo }).publicUrl).toBe("http://127.0.0.1:3100");
  });

  it("uses explicit values over the demo defaults (as pnpm start passes them)", () => {
    const env = parseEnv(
      {
        PAYGENTIC_API_KEY: "sk_test_started",
        PAYGENTIC_BASE_URL: "http://127.0.0.1:4011",
        CREDITKIT_PUBLIC_URL: "http://127.0.0.1:3001",
        SESSION_SECRET: "x".repeat(32),
        PAYMENT_HOSTS: "http://127.0.0.1:4011",
      },
      { development: false },
    );
    expect(env).toMatchObject({ paygenticApiKey: "sk_test_started", emulatorMode: true, webhookSecret: undefined });
  });

  it("never mixes a real key with the demo webhook secret", () => {
    const env = parseEnv({ PAYGENTIC_API_KEY: "sk_test_own1" }, { development: true, demo });
    expect(env.webhookSecret).toBeUndefined();
  });
});

describe("paymentHostsFromEnv", () => {
  it("defaults to the Paygentic origin in development only", () => {
    expect(paymentHostsFromEnv({}, true).hosts).toEqual(["http://127.0.0.1:4010"]);
    expect(paymentHostsFromEnv({ PAYGENTIC_BASE_URL: "http://127.0.0.1:4999/" }, true).hosts).toEqual([
      "http://127.0.0.1:4999",
    ]);
    expect(paymentHostsFromEnv({}, false).problem).toMatch(/^PAYMENT_HOSTS/);
  });
});

describe("CREDITKIT_PURCHASE_RATE_LIMIT", () => {
  it("is optional: unset, the handler keeps its default (10 per 60 s)", () => {
    expect(parseEnv(full, { development: false }).purchaseRateLimit).toBeUndefined();
    expect(parseEnv({ ...full, CREDITKIT_PURCHASE_RATE_LIMIT: " " }, { development: false }).purchaseRateLimit).toBe(
      undefined,
    );
  });

  it("reads purchases per seconds", () => {
    const read = (value: string) =>
      parseEnv({ ...full, CREDITKIT_PURCHASE_RATE_LIMIT: value }, { development: false }).purchaseRateLimit;
    expect(read("10/60")).toEqual({ max: 10, windowSeconds: 60 });
    expect(read(" 1000 / 86400 ")).toEqual({ max: 1000, windowSeconds: 86_400 });
  });

  it("is named in the error when malformed, and nothing else is", () => {
    for (const value of ["10", "ten/60", "0/60", "10/0", "10/86401", "-1/60", "1.5/60", "10/60/2"]) {
      expect(problems({ ...full, CREDITKIT_PURCHASE_RATE_LIMIT: value }), value).toEqual([
        expect.stringMatching(/^CREDITKIT_PURCHASE_RATE_LIMIT must be <purchases>\/<seconds>/),
      ]);
    }
  });
});

describe("CREDITKIT_READ_RATE_LIMIT", () => {
  const read = (value: string | undefined) =>
    parseEnv({ ...full, CREDITKIT_READ_RATE_LIMIT: value }, { development: false }).readRateLimit;

  it("is optional: unset or blank, the demo's budget of 120 reads that reach Paygentic per 60 s", () => {
    expect(read(undefined)).toEqual(DEFAULT_READ_RATE_LIMIT);
    expect(read(" ")).toEqual({ max: 120, windowSeconds: 60 });
  });

  it("reads reads per seconds, or off", () => {
    expect(read("30/10")).toEqual({ max: 30, windowSeconds: 10 });
    expect(read(" 1000000 / 1 ")).toEqual({ max: 1_000_000, windowSeconds: 1 });
    expect(read("off")).toBeNull();
    expect(read("OFF")).toBeNull();
  });

  it("is named in the error when malformed, and nothing else is", () => {
    for (const value of ["120", "none", "0/60", "10/0", "10/86401", "-1/60", "1.5/60", "10/60/2"]) {
      expect(problems({ ...full, CREDITKIT_READ_RATE_LIMIT: value }), value).toEqual([
        expect.stringMatching(/^CREDITKIT_READ_RATE_LIMIT must be <reads>\/<seconds>/),
      ]);
    }
  });
});

describe("CREDITKIT_TEST_PRESET", () => {
  const parse = (extra: Record<string, string>) => parseEnv({ ...full, ...extra }, { development: false });

  it("is off unless set to 1; on, it drops the read budget unless CREDITKIT_READ_RATE_LIMIT sets one", () => {
    expect(parse({}).testPreset).toBeUndefined();
    expect(parse({ CREDITKIT_TEST_PRESET: "0" }).testPreset).toBeUndefined();
    const on = parse({ CREDITKIT_TEST_PRESET: "1" });
    expect([on.testPreset, on.readRateLimit]).toEqual([true, null]);
    expect(parse({ CREDITKIT_TEST_PRESET: "1", CREDITKIT_READ_RATE_LIMIT: "30/10" }).readRateLimit).toEqual({
      max: 30,
      windowSeconds: 10,
    });
  });

  it("is named in the error when it is neither 1 nor 0", () => {
    for (const value of ["yes", "true", "2"]) {
      expect(problems({ ...full, CREDITKIT_TEST_PRESET: value }), value).toEqual([
        "CREDITKIT_TEST_PRESET must be 1 (on) or 0 (off)",
      ]);
    }
  });
});
