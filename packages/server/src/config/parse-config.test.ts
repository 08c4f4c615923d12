import { describe, expect, it } from "vitest";
import { createTopUpHandler, TopUpConfigError } from "../index.ts";
import type { TopUpConfig } from "./config-types.ts";
import { parseConfig } from "./parse-config.ts";

const KEY = "sk_test_SuperSecretValue123";

function valid(): TopUpConfig {
  return {
    paygentic: { apiKey: KEY, baseUrl: "http://127.0.0.1:4010" },
    catalog: {
      currency: "usd",
      packs: [
        { id: "starter", credits: 1000, price: "10", label: "Starter" },
        { id: "growth", credits: 5000, price: "45.00", label: "Growth", badge: "Save 10%" },
      ],
      custom: { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01" },
    },
    resolveCustomer: () => null,
    publicOrigin: "http://127.0.0.1:3000",
    paymentHosts: ["http://127.0.0.1:4010"],
  };
}

function errorOf(config: unknown): TopUpConfigError {
  try {
    createTopUpHandler(config as TopUpConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(TopUpConfigError);
    return error as TopUpConfigError;
  }
  throw new Error("expected the config to be refused");
}

describe("config parsing", () => {
  it("accepts a valid config", () => {
    expect(typeof createTopUpHandler(valid())).toBe("function");
  });

  it("names EVERY bad field in one error, and never echoes the key", () => {
    const config: Record<string, unknown> & { catalog: Record<string, unknown> } = {
      ...valid(),
      catalog: { ...valid().catalog },
    };
    config.paygentic = { baseUrl: "not a url" }; // key missing, url bad
    config.catalog.packs = [
      { id: "starter", credits: 1000, label: "Starter" }, // no price
      { id: "starter", credits: 10, price: "0.49", label: "Tiny" }, // duplicate id, price under 0.50
      { id: "odd", credits: 10, price: "1.005", label: "Odd" }, // more digits than USD
    ];
    config.catalog.custom = { minCredits: 550, maxCredits: 100, step: 100, unitPrice: "0" };
    config.publicOrigin = "http://127.0.0.1:3000/app";
    config.paymentHosts = [];
    config.webhookSecret = "nope";
    config.rateLimit = { max: 0, windowSeconds: 60 };
    config.surprise = true;
    const error = errorOf(config);
    const fields = error.issues.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "paygentic.apiKey",
        "paygentic.baseUrl",
        "catalog.packs.0.price",
        "catalog.packs.1.id",
        "catalog.packs.1.price",
        "catalog.packs.2.price",
        "catalog.custom.minCredits",
        "catalog.custom.unitPrice",
        "publicOrigin",
        "paymentHosts",
        "webhookSecret",
        "rateLimit.max",
        "surprise",
      ]),
    );
    expect(error.issues.find((i) => i.field === "paygentic.apiKey")?.message).toBe("is required");
    expect(error.issues.find((i) => i.field === "catalog.packs.1.id")?.message).toBe("duplicates catalog.packs.0.id");
    for (const field of fields) expect(error.message).toContain(field);
  });

  it("takes a request deadline of 100 ms to 120 s, a whole number (default 10 s)", () => {
    expect(typeof createTopUpHandler({ ...valid(), requestDeadlineMs: 300 })).toBe("function");
    for (const bad of [0, 99, 120_001, 1.5, "10000"]) {
      const error = errorOf({ ...valid(), requestDeadlineMs: bad });
      expect(error.issues.map((i) => i.field)).toEqual(["requestDeadlineMs"]);
    }
  });

  it("caches a purchase status for 1 s by default, with or without a webhook", () => {
    expect(parseConfig(valid()).purchaseStatusCacheMs).toBe(1000);
    const webhookSecret = "whsec_Y3JlZGl0a2l0LWVtdWxhdG9yLWRlbW8tc2VjcmV0ISE=";
    expect(parseConfig({ ...valid(), webhookSecret }).purchaseStatusCacheMs).toBe(1000);
    expect(parseConfig({ ...valid(), purchaseStatusCacheMs: 0 }).purchaseStatusCacheMs).toBe(0);
  });

  it("takes a purchase status cache of 0 to 10 000 ms", () => {
    expect(typeof createTopUpHandler({ ...valid(), purchaseStatusCacheMs: 0 })).toBe("function");
    for (const bad of [-1, 10_001, 0.5]) {
      expect(errorOf({ ...valid(), purchaseStatusCacheMs: bad }).issues.map((i) => i.field)).toEqual([
        "purchaseStatusCacheMs",
      ]);
    }
  });

  it("takes an optional per-customer read budget, like the purchase limit", () => {
    expect(typeof createTopUpHandler({ ...valid(), readRateLimit: { max: 30, windowSeconds: 10 } })).toBe("function");
    const error = errorOf({ ...valid(), readRateLimit: { max: 0, windowSeconds: 10, burst: 1 } });
    expect(error.issues.map((i) => i.field).sort()).toEqual(["readRateLimit.burst", "readRateLimit.max"]);
  });

  it("refuses a malformed key without repeating it", () => {
    const config = valid();
    config.paygentic = { apiKey: "pk_live_ShouldNotAppear", baseUrl: "http://127.0.0.1:4010" };
    const error = errorOf(config);
    expect(error.issues.map((i) => i.field)).toEqual(["paygentic.apiKey"]);
    expect(error.message).not.toContain("ShouldNotAppear");
    expect(JSON.stringify(error.issues)).not.toContain("ShouldNotAppear");
  });

  it("never echoes a valid key when other fields are bad", () => {
    const config = { ...valid(), paymentHosts: ["ftp://x"] };
    const error = errorOf(config);
    expect(error.message).not.toContain(KEY);
  });

  it("requires a catalog that sells something, and a custom range that is purchasable", () => {
    const noPacks = valid();
    noPacks.catalog = { currency: "USD", packs: [] };
    expect(errorOf(noPacks).issues.map((i) => i.field)).toEqual(["catalog.packs"]);

    const tooCheap = valid();
    tooCheap.catalog.custom = { minCredits: 10, maxCredits: 40, step: 10, unitPrice: "0.01" };
    expect(errorOf(tooCheap).issues.map((i) => i.field)).toEqual(["catalog.custom.unitPrice"]);
  });

  it("refuses unsafe return paths and base paths", () => {
    const config = { ...valid(), returnPath: "//evil.example/x", basePath: "/api/topup/" };
    expect(
      errorOf(config)
        .issues.map((i) => i.field)
        .sort(),
    ).toEqual(["basePath", "returnPath"]);
  });

  it("takes a ready client instead of a key, but not both", () => {
    const client = { grants: {} } as never;
    expect(typeof createTopUpHandler({ ...valid(), paygentic: { client } })).toBe("function");
    const both = { ...valid(), paygentic: { client, apiKey: KEY, baseUrl: "http://127.0.0.1:4010" } };
    expect(errorOf(both).issues.map((i) => i.field)).toEqual(["paygentic.client"]);
    const clientAndFetch = { ...valid(), paygentic: { client, fetch } };
    expect(errorOf(clientAndFetch).issues.map((i) => i.field)).toEqual(["paygentic.fetch"]);
  });

  it("sends the client's calls through paygentic.fetch when given (e.g. createNodeFetch on Node)", async () => {
    const sent: string[] = [];
    // Records the call, then fails the way fetch does when nothing listens.
    const recording = (async (url: string) => {
      sent.push(url);
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    const parsed = parseConfig({ ...valid(), paygentic: { ...valid().paygentic, fetch: recording, retries: 0 } });
    await expect(parsed.client.entitlements.get("ent_demoalice")).rejects.toMatchObject({ kind: "network" });
    expect(sent).toEqual(["http://127.0.0.1:4010/v1/entitlements/ent_demoalice"]);
    expect(errorOf({ ...valid(), paygentic: { ...valid().paygentic, fetch: "fetch" } }).issues).toEqual([
      { field: "paygentic.fetch", message: "must be a fetch function" },
    ]);
  });
});
