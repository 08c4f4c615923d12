import type { Grant, InvoiceRefund } from "@creditkit/paygentic";
import { MAX_ROLLOVER } from "../constants.ts";
import type { LedgerUsage } from "../ledger/balance.ts";
import { parseDuration } from "../time/duration.ts";
import type {
  CustomerRecord,
  EntitlementRecord,
  FeatureRecord,
  GrantRecord,
  InvoiceRecord,
  MerchantRecord,
  PaymentSessionRecord,
} from "./records.ts";

export interface NewGrant {
  id: string;
  amount: number;
  effectiveAt: number;
  expiresAt: number | null;
  voidedAt: number | null;
  createdAt: number;
  recurrencePeriod: string | null;
  idempotencyKey: string | null;
  priority?: number | undefined;
  resetMaxRollover?: number | undefined;
  resetMinRollover?: number | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Newest createdAt first, then the later insertion first. */
function newerFirst(a: GrantRecord, b: GrantRecord): number {
  return b.createdAt - a.createdAt || b.seq - a.seq;
}

function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid] as T, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

/**
 * All emulator state, rebuilt from the seed on reset. Lists are kept sorted as they are
 * written so that reads are O(page), and indexes answer lookups by external id and event type.
 */
export class Store {
  readonly features = new Map<string, FeatureRecord>();
  readonly featuresByEventType = new Map<string, FeatureRecord[]>();
  readonly customers = new Map<string, CustomerRecord>();
  /** Creation order. */
  readonly customerList: CustomerRecord[] = [];
  readonly customersByExternalId = new Map<string, CustomerRecord>();
  readonly consumers = new Map<string, { name: string; email: string }>();
  readonly entitlements = new Map<string, EntitlementRecord>();
  readonly entitlementsByCustomer = new Map<string, EntitlementRecord[]>();
  readonly invoices = new Map<string, InvoiceRecord>();
  readonly sessions = new Map<string, PaymentSessionRecord>();
  /** Sessions that can still expire (open); swept on reads and clock moves. */
  readonly openSessions = new Set<PaymentSessionRecord>();
  /** Refunds (credit notes) by invoice, oldest first; and all of them, in the order they were issued. */
  readonly refundsByInvoice = new Map<string, InvoiceRefund[]>();
  readonly refunds: InvoiceRefund[] = [];
  /** Usage events by idempotency key, so a repeated key is counted once. */
  readonly eventsByKey = new Map<string, Record<string, unknown>>();
  private grantSeq = 0;
  private invoiceSeq = 0;

  constructor(readonly merchant: MerchantRecord) {}

  addFeature(feature: FeatureRecord): void {
    this.features.set(feature.id, feature);
    if (feature.eventType !== null) {
      const list = this.featuresByEventType.get(feature.eventType) ?? [];
      list.push(feature);
      this.featuresByEventType.set(feature.eventType, list);
    }
  }

  featureByKey(key: string): FeatureRecord | undefined {
    for (const f of this.features.values()) if (f.key === key) return f;
    return undefined;
  }

  addCustomer(customer: CustomerRecord): void {
    this.customers.set(customer.id, customer);
    this.customerList.push(customer);
    if (customer.externalId !== undefined) this.customersByExternalId.set(customer.externalId, customer);
    if (!this.consumers.has(customer.consumerId))
      this.consumers.set(customer.consumerId, { name: customer.name, email: customer.email });
  }

  addEntitlement(fields: Omit<EntitlementRecord, "grants" | "liveGrants" | "grantsById" | "usage" | "idempotency">) {
    const record: EntitlementRecord = {
      ...fields,
      grants: [],
      liveGrants: [],
      grantsById: new Map(),
      usage: [],
      idempotency: new Map(),
    };
    this.entitlements.set(record.id, record);
    const list = this.entitlementsByCustomer.get(record.customerId) ?? [];
    list.push(record);
    this.entitlementsByCustomer.set(record.customerId, list);
    return record;
  }

  addGrant(ent: EntitlementRecord, g: NewGrant): GrantRecord {
    const view: Grant = {
      object: "grant",
      id: g.id,
      entitlementId: ent.id,
      amount: g.amount,
      effectiveAt: iso(g.effectiveAt),
      expiresAt: g.expiresAt === null ? null : iso(g.expiresAt),
      voidedAt: g.voidedAt === null ? null : iso(g.voidedAt),
      createdAt: iso(g.createdAt),
      recurrencePeriod: g.recurrencePeriod,
      idempotencyKey: g.idempotencyKey,
      resetMaxRollover: g.resetMaxRollover ?? MAX_ROLLOVER,
      resetMinRollover: g.resetMinRollover ?? 0,
      priority: g.priority ?? 0,
    };
    const record: GrantRecord = {
      id: g.id,
      seq: ++this.grantSeq,
      amount: g.amount,
      effectiveAt: g.effectiveAt,
      expiresAt: g.expiresAt,
      voidedAt: g.voidedAt,
      createdAt: g.createdAt,
      priority: view.priority ?? 0,
      recurrence: g.recurrencePeriod === null ? null : (parseDuration(g.recurrencePeriod) ?? null),
      resetMaxRollover: view.resetMaxRollover ?? MAX_ROLLOVER,
      resetMinRollover: view.resetMinRollover ?? 0,
      view,
    };
    insertSorted(ent.grants, record, newerFirst);
    if (record.voidedAt === null) insertSorted(ent.liveGrants, record, newerFirst);
    ent.grantsById.set(record.id, record);
    return record;
  }

  voidGrant(ent: EntitlementRecord, grant: GrantRecord, at: number): void {
    if (grant.voidedAt !== null) return;
    grant.voidedAt = at;
    grant.view = { ...grant.view, voidedAt: iso(at) };
    const index = ent.liveGrants.indexOf(grant);
    if (index >= 0) ent.liveGrants.splice(index, 1);
  }

  addUsage(ent: EntitlementRecord, usage: LedgerUsage): void {
    insertSorted(ent.usage, usage, (a, b) => a.at - b.at);
  }

  nextInvoiceSequence(): number {
    this.invoiceSeq += 1;
    return this.invoiceSeq;
  }
}
