import type { SeedDefinition } from "@creditkit/emulator";
import type { z } from "zod";
import {
  type Answer,
  BalanceBody,
  CreatedPurchaseBody,
  contractHeaderProblems,
  errorShapeProblems,
  GrantsBody,
  PurchaseStatusBody,
} from "./contract-shapes.ts";
import { meteredSeed } from "./metered-seed.ts";

/**
 * The purchase load (shared by the server's handler.load.test.ts and bench/load-purchases.ts): `clients`
 * concurrent clients work through one shuffled list of requests from `customers` customers:
 * `creates` create-purchase requests reusing `attemptKeys` attempt keys (each key always for the
 * same pack, so every reuse is a replay), mixed with balance, grants and status reads. Bounded
 * by the list, so it stops by itself. Every answer is checked against the contract.
 */

export interface LoadPlan {
  customers: number;
  clients: number;
  creates: number;
  attemptKeys: number;
  readsOfEachKind: number;
}

export const ISSUE_PLAN: LoadPlan = {
  customers: 50,
  clients: 50,
  creates: 500,
  attemptKeys: 100,
  readsOfEachKind: 100,
};

export const LOAD_ORIGIN = "http://127.0.0.1:3000";
const PACKS = ["starter", "growth", "scale"] as const;

/** An emulator seed of `count` customers "load-0" …, each with a metered entitlement and some credit. */
export function loadSeed(count: number): SeedDefinition {
  return meteredSeed(count, { prefix: "load", since: "-P10D" });
}

type Kind = "create" | "balance" | "grants" | "status";
interface Job {
  kind: Kind;
  customer: number;
  key: number;
}

export interface LoadResult {
  requests: number;
  byKind: Record<Kind, number>;
  statuses: Record<string, number>;
  fiveHundreds: number;
  /** Answers that broke the contract (shape, headers, unexpected status), with why. */
  problems: string[];
  /** purchaseId → the distinct 201 bodies answered for it (must be one each). */
  createdBodies: Map<string, Set<string>>;
  latenciesMs: number[];
  durationMs: number;
}

/** Who asks: the test's resolveCustomer reads this header, as a merchant's reads its session. */
export const CUSTOMER_HEADER = "x-load-customer";

/**
 * The purchase id the BFF derives from a customer and an attempt key: the server's own
 * `derivePurchaseKeys`, passed in (test-kit does not depend on the server, whose tests use it).
 */
export type PurchaseIdOf = (customerId: string, attemptKey: string) => Promise<string>;

export async function runPurchaseLoad(
  send: (request: Request) => Promise<Response>,
  plan: LoadPlan,
  customerIds: string[],
  purchaseIdOf: PurchaseIdOf,
): Promise<LoadResult> {
  const jobs = shuffledJobs(plan);
  const result: LoadResult = {
    requests: 0,
    byKind: { create: 0, balance: 0, grants: 0, status: 0 },
    statuses: {},
    fiveHundreds: 0,
    problems: [],
    createdBodies: new Map(),
    latenciesMs: [],
    durationMs: 0,
  };
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let job = jobs[next++]; job !== undefined; job = jobs[next++]) {
      const t0 = performance.now();
      const answer = await perform(send, job, customerIds, purchaseIdOf);
      result.latenciesMs.push(performance.now() - t0);
      record(result, job, answer);
    }
  };
  await Promise.all(Array.from({ length: plan.clients }, worker));
  result.durationMs = performance.now() - started;
  return result;
}

/** Attempt key k belongs to customer k % customers and always buys the same pack. */
function shuffledJobs(plan: LoadPlan): Job[] {
  const jobs: Job[] = [];
  for (let i = 0; i < plan.creates; i++) {
    const key = i % plan.attemptKeys;
    jobs.push({ kind: "create", key, customer: key % plan.customers });
  }
  for (const kind of ["balance", "grants", "status"] as const) {
    for (let i = 0; i < plan.readsOfEachKind; i++) {
      const key = i % plan.attemptKeys;
      jobs.push({ kind, key, customer: key % plan.customers });
    }
  }
  // Deterministic shuffle (mulberry32), so a failing run can be replayed.
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
  }
  return jobs;
}

const attemptKey = (key: number) => `load-attempt-${String(key).padStart(4, "0")}`;

async function perform(
  send: (r: Request) => Promise<Response>,
  job: Job,
  customerIds: string[],
  purchaseIdOf: PurchaseIdOf,
) {
  const headers: Record<string, string> = { [CUSTOMER_HEADER]: `load-${job.customer}` };
  let request: Request;
  if (job.kind === "create") {
    Object.assign(headers, {
      origin: LOAD_ORIGIN,
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
      "idempotency-key": attemptKey(job.key),
    });
    const body = JSON.stringify({ packId: PACKS[job.key % PACKS.length] });
    request = new Request(`${LOAD_ORIGIN}/api/topup/purchases`, { method: "POST", headers, body });
  } else {
    const path =
      job.kind === "status"
        ? `/purchases/${await purchaseIdOf(customerIds[job.customer]!, attemptKey(job.key))}`
        : `/${job.kind}`;
    request = new Request(`${LOAD_ORIGIN}/api/topup${path}`, { headers });
  }
  const response = await send(request);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json } satisfies Answer;
}

const SUCCESS: Record<Kind, { status: number; schema: z.ZodType }> = {
  create: { status: 201, schema: CreatedPurchaseBody },
  balance: { status: 200, schema: BalanceBody },
  grants: { status: 200, schema: GrantsBody },
  status: { status: 200, schema: PurchaseStatusBody },
};

function record(result: LoadResult, job: Job, answer: Answer): void {
  result.requests++;
  result.byKind[job.kind]++;
  const label = `${job.kind} ${answer.status}`;
  result.statuses[label] = (result.statuses[label] ?? 0) + 1;
  if (answer.status >= 500) result.fiveHundreds++;
  const problem = (why: string) => result.problems.push(`${job.kind} key ${job.key}: ${why}`);
  if (answer.json === undefined) {
    problem(`not JSON: ${answer.text.slice(0, 100)}`);
    return;
  }

  const success = SUCCESS[job.kind];
  if (answer.status === success.status) {
    const headers = contractHeaderProblems(answer);
    if (headers.length > 0) problem(`headers ${headers.join(", ")}`);
    const parsed = success.schema.safeParse(answer.json);
    if (!parsed.success) problem(`shape: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
    if (job.kind === "create") {
      const body = answer.json as { purchaseId: string };
      const bodies = result.createdBodies.get(body.purchaseId) ?? new Set<string>();
      bodies.add(answer.text);
      result.createdBodies.set(body.purchaseId, bodies);
    }
    return;
  }
  // A status read before its purchase exists is the contract's 404; nothing else is expected.
  const expectedError = job.kind === "status" && answer.status === 404;
  if (!expectedError) problem(`unexpected status ${answer.status}: ${answer.text.slice(0, 160)}`);
  const shape = errorShapeProblems(answer);
  if (shape.length > 0) problem(`error shape: ${shape.join(", ")}`);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}
