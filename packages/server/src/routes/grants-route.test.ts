import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { describe, expect, it } from "vitest";
import { makeHandler } from "../test-support/make-handler.ts";

const emu = await emulatorForFile();

describe("GET /grants", () => {
  it("pages the customer's grants newest first, as the widget's Grant view", async () => {
    const client = makeHandler(emu);
    const first = await client.get("/grants?limit=5");
    expect(first.status).toBe(200);
    expect(first.json.grants).toHaveLength(5);
    expect(first.json.pagination).toMatchObject({ limit: 5, offset: 0 });
    expect(first.json.pagination.total).toBeGreaterThan(5);
    for (const g of first.json.grants) {
      expect(Object.keys(g).sort()).toEqual(
        ["amount", "createdAt", "effectiveAt", "expiresAt", "id", "purchaseId", "source", "status", "voidedAt"].sort(),
      );
      expect(["active", "scheduled", "expired"]).toContain(g.status);
    }
    const created = first.json.grants.map((g: { createdAt: string }) => Date.parse(g.createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);

    const second = await client.get("/grants?limit=5&offset=5");
    const ids = new Set(first.json.grants.map((g: { id: string }) => g.id));
    for (const g of second.json.grants) expect(ids.has(g.id)).toBe(false);
  });

  it("defaults to 20 and hides voided grants unless includeVoided=true", async () => {
    const client = makeHandler(emu);
    const plain = await client.get("/grants");
    expect(plain.json.pagination).toMatchObject({ limit: 20, offset: 0 });
    const withVoided = await client.get("/grants?includeVoided=true&limit=100");
    expect(withVoided.json.pagination.total).toBeGreaterThan(plain.json.pagination.total);
    const statuses = withVoided.json.grants.map((g: { status: string }) => g.status);
    expect(statuses).toContain("voided");
    expect(plain.json.grants.map((g: { status: string }) => g.status)).not.toContain("voided");
    const sources = withVoided.json.grants.map((g: { source: string }) => g.source);
    expect(sources).toContain("plan");
    expect(sources).toContain("other");
  });
});
