import { DEMO_SEED } from "@creditkit/emulator";
import { captureLogger } from "@creditkit/test-kit/capture-logger";
import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { ORIGIN } from "@creditkit/test-kit/handler-client";
import { testClock } from "@creditkit/test-kit/test-clock";
import { startTestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, describe, expect, it } from "vitest";
import { makeHandler } from "./test-support/make-handler.ts";
import { deliver, paidEvent, signed } from "./test-support/webhooks.ts";

// Issue 12: the misconfigurations a merchant meets first say, in the log and the answer, what to change.
const emu = await emulatorForFile();
// The demo merchant, charging in euros.
const euro = await startTestEmulator({ seed: { ...DEMO_SEED, merchant: { ...DEMO_SEED.merchant, currency: "EUR" } } });
afterAll(() => euro.close());

describe("a same-origin refusal", () => {
  it("of a page opened at another address of the same server is origin_mismatch, logged with both origins", async () => {
    const { logger, lines } = captureLogger();
    const client = makeHandler(emu, { logger }); // publicOrigin is http://127.0.0.1:3000
    const res = await client.buy({ packId: "starter" }, "origin-mismatch-1", {
      headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("origin_mismatch");
    expect(res.json.error.message).toBe(
      `This page's address (http://localhost:3000) does not match the app's configured URL (${ORIGIN}).`,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn request refused: the page's origin is not publicOrigin/);
    expect(lines[0]).toContain(`"expected":"${ORIGIN}"`);
    expect(lines[0]).toContain('"received":"http://localhost:3000"');
    expect(await emu.requests()).toEqual([]); // refused before anything reached Paygentic
  });

  it("of a cross-site page stays cross_site_request, and is logged with both origins", async () => {
    const { logger, lines } = captureLogger();
    const res = await makeHandler(emu, { logger }).buy({ packId: "starter" }, "cross-site-1", {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("cross_site_request");
    expect(res.json.error.message).not.toContain(ORIGIN);
    expect(lines).toEqual([
      `warn cross-site request refused: Origin is not publicOrigin {"expected":"${ORIGIN}","received":"https://evil.example","secFetchSite":"cross-site"}`,
    ]);
  });

  it("logs one line a minute per origin received, counting the ones held back", async () => {
    const { logger, lines } = captureLogger();
    const clock = testClock();
    const client = makeHandler(emu, { logger, now: clock.now });
    const from = (origin: string, key: string) =>
      client.buy({ packId: "starter" }, key, { headers: { origin, "sec-fetch-site": "cross-site" } });
    for (let i = 0; i < 5; i++) expect((await from("https://evil.example", `flood-${i}`)).status).toBe(403);
    await from("https://other.example", "flood-other");
    expect(lines).toHaveLength(2);
    clock.advance(61_000);
    await from("https://evil.example", "flood-later");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('"heldBack":4');
  });
});

describe("a webhook with a bad signature", () => {
  const otherSecret = `whsec_${Buffer.from("another-secret-of-32-bytes-long!").toString("base64")}`;

  it("logs that the signing secret may be wrong, once a minute, never the secret or the signature", async () => {
    const { logger, lines } = captureLogger();
    const clock = testClock();
    const client = makeHandler(emu, { logger, now: clock.now });
    const wrong = signed(otherSecret, paidEvent("inv_abc", "grt_1"));
    expect((await deliver(client, wrong)).status).toBe(401);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn webhook refused: its signature does not match\. The webhook signing secret/);
    expect(lines[0]).toContain("webhookSecret");
    for (const secret of [emu.emu.webhookSecret, otherSecret, wrong.headers["svix-signature"] as string]) {
      expect(lines[0]).not.toContain(secret);
      expect(lines[0]).not.toContain(secret.replace(/^whsec_/, "").slice(0, 12));
    }

    for (let i = 0; i < 3; i++) await deliver(client, signed(otherSecret, paidEvent("inv_abc", "grt_1")));
    expect(lines).toHaveLength(1);
    clock.advance(61_000);
    await deliver(client, signed(otherSecret, paidEvent("inv_abc", "grt_1")));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"heldBack":3');
  });

  it("tells a missing signature and a stale timestamp apart from a wrong secret", async () => {
    const missing = captureLogger();
    const good = signed(emu.emu.webhookSecret, paidEvent("inv_abc", "grt_1"));
    await deliver(makeHandler(emu, { logger: missing.logger }), { ...good, headers: {} });
    expect(missing.lines[0]).toMatch(/header is missing or malformed/);

    const stale = captureLogger();
    const old = signed(emu.emu.webhookSecret, paidEvent("inv_abc", "grt_1"), { at: new Date(Date.now() - 3_600_000) });
    expect((await deliver(makeHandler(emu, { logger: stale.logger }), old)).status).toBe(401);
    expect(stale.lines[0]).toMatch(/timestamp is outside the 5-minute tolerance/);
  });
});

describe("a Paygentic account in another currency than the catalog's", () => {
  it("is named as such in the error and in the log", async () => {
    const { logger, lines } = captureLogger();
    const res = await makeHandler(euro, { logger }).buy({ packId: "starter" }, "currency-1"); // catalog in USD
    expect(res.status).toBe(502);
    expect(res.json.error).toEqual({
      code: "upstream_currency_mismatch",
      message: "The payment provider charges in EUR, but this shop's prices are in USD.",
    });
    const line = lines.find((l) => l.startsWith("error "));
    expect(line).toMatch(/currency mismatch: the Paygentic account charges in EUR, the catalog's currency is USD/);
    expect(line).toContain("Set catalog.currency to EUR");
    expect(line).toContain('"catalogCurrency":"USD","paygenticCurrency":"EUR"');
    expect(res.text).not.toContain("portal/pay"); // the payment page is not handed out
  });

  it("is no trouble when the catalog is in the account's currency", async () => {
    const res = await makeHandler(euro, { catalog: catalogIn("EUR") }).buy({ packId: "starter" }, "currency-2");
    expect(res.status).toBe(201);
    expect(res.json.currency).toBe("EUR");
  });
});

function catalogIn(currency: string) {
  return {
    currency,
    packs: [{ id: "starter", credits: 1000, price: "10.00", label: "Starter" }],
  };
}
