import { z } from "zod";
import { CustomerId, DateTime, EntitlementId, GrantId } from "../schemas/common.ts";
import {
  CreateCustomerRequest,
  CreateCustomerResponse,
  Customer,
  CustomerList,
  ListCustomersQuery,
} from "../schemas/customer.ts";
import {
  EntitlementDetail,
  EntitlementList,
  IssueEntitlementRequest,
  ListEntitlementsQuery,
} from "../schemas/entitlement.ts";
import { EventResponse, UsageEvent } from "../schemas/events.ts";
import { CreateGrantRequest, Grant, GrantList, ListGrantsQuery } from "../schemas/grant.ts";
import { Invoice } from "../schemas/invoice.ts";
import { PurchaseGrantRequest, PurchaseGrantResponse } from "../schemas/purchase.ts";
import { CreateInvoiceRefundRequest, InvoiceRefund, InvoiceRefundList } from "../schemas/refund.ts";
import { describeIssues, fieldErrorsOf } from "./describe-issues.ts";
import { PaygenticError } from "./errors.ts";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry.ts";
import { createTransport, type Logger, type RequestSpec } from "./transport.ts";

export interface PaygenticClientOptions {
  /** `sk_test_…` or `sk_live_…`. Sent only in the Authorization header. */
  apiKey: string;
  /** `https://api.paygentic.io`, `https://api.sandbox.paygentic.io`, or an emulator's URL. */
  baseUrl: string;
  /**
   * Defaults to the global fetch (any runtime; Node's keeps connections alive and reuses them).
   * On Node, `createNodeFetch()` from `@creditkit/paygentic/node` does the same for a fraction of
   * the CPU. The client asks for `redirect: "manual"` and reads the body itself (with the limit below).
   */
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * The largest answer body the client reads, in bytes: a larger 2xx answer fails as
   * `invalid_response` without being buffered. Default 1 MiB (Paygentic's largest page, 100
   * grants, is under 100 kB).
   */
  maxResponseBytes?: number;
  /** Retries after the first attempt, where safe. Default 2. */
  retries?: number;
  /** Finer retry tuning; `retries` above wins over `retry.retries`. */
  retry?: Partial<RetryPolicy>;
  /** Receives one line per attempt: method, path, status, timing. Never headers or bodies. */
  logger?: Logger;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call (a `network` error: "the request was aborted"). */
  signal?: AbortSignal | undefined;
  /**
   * When the whole call must be over, retries and their waits included (epoch ms, `Date.now()`'s
   * clock): each attempt gets at most the time left, a retry whose wait would pass it is not made,
   * and a call still unanswered at the deadline fails as a `timeout`.
   */
  deadline?: number | undefined;
}

const DEFAULT_MAX_RESPONSE_BYTES = 1_048_576;

/** Built once, not per call: a zod schema is costly to create (issue 13, cheap per request). */
const EntitlementAtQuery = z.object({ at: DateTime.optional() });

const InvoiceIdParam = z.string().regex(/^[A-Za-z0-9_]+$/, "must be an invoice id");

/**
 * A typed Paygentic client. Inputs are validated before they are sent (a wrong shape never
 * leaves the process), answers are validated before they are returned (a drifted answer is a
 * PaygenticError of kind `invalid_response`, never passed on).
 */
export function createPaygenticClient(options: PaygenticClientOptions): PaygenticClient {
  const config = ClientOptions.safeParse(options);
  if (!config.success) {
    // The options hold the key: name the fields, never echo the values.
    throw new TypeError(
      `invalid Paygentic client options: ${config.error.issues.map((i) => i.path.join(".")).join(", ")}`,
    );
  }
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (options.retries !== undefined) retry.retries = options.retries;
  const send = createTransport({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    retry,
    logger: options.logger,
  });

  return clientWith(send, {});
}

type Send = <T>(spec: RequestSpec<T>) => Promise<T>;

/**
 * The client's methods, plus `with(options)`: a view of the same client (same connections, same
 * settings) whose every call also gets `options`, e.g. one deadline for everything a server does
 * to answer one request. A call's own options combine with the view's: the earlier deadline wins,
 * and either signal aborts.
 */
export type PaygenticClient = ReturnType<typeof methods> & { with(options: CallOptions): PaygenticClient };

function clientWith(send: Send, defaults: CallOptions): PaygenticClient {
  const call = <T>(spec: RequestSpec<T>, opts?: CallOptions): Promise<T> => {
    const merged = opts ? mergeCallOptions(defaults, opts) : defaults;
    // Not `{ ...spec, signal, deadline }`: on Node 20 a spread followed by new keys costs µs per
    // call, and a server makes a client view and calls per request (issue 13, cheap per request).
    // The spec is the literal the method just built, so it is this call's own to complete.
    return send(Object.assign(spec, { signal: merged.signal, deadline: merged.deadline }));
  };
  return Object.assign(methods(call), {
    with: (options: CallOptions) => clientWith(send, mergeCallOptions(defaults, options)),
  });
}

function mergeCallOptions(a: CallOptions, b: CallOptions): CallOptions {
  const deadline =
    a.deadline === undefined ? b.deadline : b.deadline === undefined ? a.deadline : Math.min(a.deadline, b.deadline);
  const signal = a.signal && b.signal ? AbortSignal.any([a.signal, b.signal]) : (a.signal ?? b.signal);
  return { signal, deadline };
}

function methods(call: <T>(spec: RequestSpec<T>, opts?: CallOptions) => Promise<T>) {
  return {
    entitlements: {
      /** `GET /v1/entitlements`: exactly one of `customerId` or `externalCustomerId`. */
      list(query: ListEntitlementsQuery, opts?: CallOptions) {
        const q = checkInput("GET", "/v1/entitlements", ListEntitlementsQuery, query);
        if ((q.customerId === undefined) === (q.externalCustomerId === undefined)) {
          throw invalidInput(
            "GET",
            "/v1/entitlements",
            "customerId",
            "supply exactly one of customerId or externalCustomerId",
          );
        }
        return call(
          { method: "GET", path: "/v1/entitlements", query: q, idempotent: true, schema: EntitlementList },
          opts,
        );
      },
      /** `GET /v1/entitlements/{id}`, with the live balance for metered entitlements. */
      get(entitlementId: string, query: { at?: string } = {}, opts?: CallOptions) {
        const path = `/v1/entitlements/${pathId("GET", "/v1/entitlements/{entitlementId}", EntitlementId, entitlementId)}`;
        const q = checkInput("GET", path, EntitlementAtQuery, query);
        return call({ method: "GET", path, query: q, idempotent: true, schema: EntitlementDetail }, opts);
      },
      /** `POST /v1/entitlements`. Not idempotent, so never retried. */
      issue(body: IssueEntitlementRequest, opts?: CallOptions) {
        const b = checkInput("POST", "/v1/entitlements", IssueEntitlementRequest, body);
        return call(
          { method: "POST", path: "/v1/entitlements", body: b, idempotent: false, schema: EntitlementDetail },
          opts,
        );
      },
    },
    grants: {
      /** `POST /v1/entitlements/{id}/grants` (retried: the idempotency key is required). */
      create(entitlementId: string, body: CreateGrantRequest, opts?: CallOptions) {
        const path = `${grantsPath("POST", entitlementId)}`;
        const b = checkInput("POST", path, CreateGrantRequest, body);
        return call({ method: "POST", path, body: b, idempotent: true, schema: Grant }, opts);
      },
      /** `POST /v1/entitlements/{id}/grants/purchase` → invoice and hosted payment session. */
      purchase(entitlementId: string, body: PurchaseGrantRequest, opts?: CallOptions) {
        const path = `${grantsPath("POST", entitlementId)}/purchase`;
        const b = checkInput("POST", path, PurchaseGrantRequest, body);
        return call({ method: "POST", path, body: b, idempotent: true, schema: PurchaseGrantResponse }, opts);
      },
      /** `GET /v1/entitlements/{id}/grants`: newest first, 20 by default, at most 100. */
      list(entitlementId: string, query: ListGrantsQuery = {}, opts?: CallOptions) {
        const path = grantsPath("GET", entitlementId);
        const q = checkInput("GET", path, ListGrantsQuery, query);
        return call({ method: "GET", path, query: q, idempotent: true, schema: GrantList }, opts);
      },
      get(entitlementId: string, grantId: string, opts?: CallOptions) {
        const path = `${grantsPath("GET", entitlementId)}/${pathId("GET", "grantId", GrantId, grantId)}`;
        return call({ method: "GET", path, idempotent: true, schema: Grant }, opts);
      },
      /** `DELETE …/grants/{grantId}`: voiding a voided grant returns it unchanged. */
      void(entitlementId: string, grantId: string, opts?: CallOptions) {
        const path = `${grantsPath("DELETE", entitlementId)}/${pathId("DELETE", "grantId", GrantId, grantId)}`;
        return call({ method: "DELETE", path, idempotent: false, schema: Grant }, opts);
      },
    },
    invoices: {
      /** `GET /v2/invoices/{id}`: the outcome of a purchase. */
      get(invoiceId: string, opts?: CallOptions) {
        const path = `/v2/invoices/${pathId("GET", "invoiceId", InvoiceIdParam, invoiceId)}`;
        return call({ method: "GET", path, idempotent: true, schema: Invoice }, opts);
      },
      /**
       * `POST /v2/invoices/{id}/refunds`: the full refund of a PAID invoice, once. It carries no
       * idempotency key, so it is never retried: after an unclear failure, list the refunds.
       */
      refund(invoiceId: string, body: CreateInvoiceRefundRequest = {}, opts?: CallOptions) {
        const path = `/v2/invoices/${pathId("POST", "invoiceId", InvoiceIdParam, invoiceId)}/refunds`;
        const b = checkInput("POST", path, CreateInvoiceRefundRequest, body);
        return call({ method: "POST", path, body: b, idempotent: false, schema: InvoiceRefund }, opts);
      },
      /** `GET /v2/invoices/{id}/refunds`: the credit notes recorded against an invoice. */
      refunds(invoiceId: string, opts?: CallOptions) {
        const path = `/v2/invoices/${pathId("GET", "invoiceId", InvoiceIdParam, invoiceId)}/refunds`;
        return call({ method: "GET", path, idempotent: true, schema: InvoiceRefundList }, opts);
      },
    },
    customers: {
      /** `POST /v0/customers`. Not idempotent, so never retried. */
      create(body: CreateCustomerRequest, opts?: CallOptions) {
        const b = checkInput("POST", "/v0/customers", CreateCustomerRequest, body);
        return call(
          { method: "POST", path: "/v0/customers", body: b, idempotent: false, schema: CreateCustomerResponse },
          opts,
        );
      },
      /** `GET /v0/customers?organizationId&externalId`. */
      list(query: ListCustomersQuery, opts?: CallOptions) {
        const q = checkInput("GET", "/v0/customers", ListCustomersQuery, query);
        return call({ method: "GET", path: "/v0/customers", query: q, idempotent: true, schema: CustomerList }, opts);
      },
      get(customerId: string, opts?: CallOptions) {
        const path = `/v0/customers/${pathId("GET", "customerId", CustomerId, customerId)}`;
        return call({ method: "GET", path, idempotent: true, schema: Customer }, opts);
      },
    },
    events: {
      /** `POST /v0/events` → 202. Retried only when it carries an `idempotencyKey`. */
      create(body: UsageEvent, opts?: CallOptions) {
        const b = checkInput("POST", "/v0/events", UsageEvent, body);
        const idempotent = b.idempotencyKey !== undefined;
        return call({ method: "POST", path: "/v0/events", body: b, idempotent, schema: EventResponse }, opts);
      },
    },
  };
}

const ClientOptions = z.object({
  apiKey: z.string().min(1),
  baseUrl: z.url({ protocol: /^https?$/ }),
  timeoutMs: z.number().int().positive().optional(),
  maxResponseBytes: z.number().int().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
});

function grantsPath(method: string, entitlementId: string): string {
  return `/v1/entitlements/${pathId(method, "/v1/entitlements/{entitlementId}/grants", EntitlementId, entitlementId)}/grants`;
}

function pathId(method: string, where: string, schema: z.ZodType<string>, value: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw invalidInput(method, where, "path", `id ${describeIssues(parsed.error).replace(/^\(body\): /, "")}`);
  return encodeURIComponent(parsed.data);
}

function checkInput<S extends z.ZodType>(method: string, path: string, schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new PaygenticError({
      kind: "invalid_request",
      method,
      path,
      message: `refused to send ${method} ${path}: ${describeIssues(parsed.error)}`,
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  }
  return parsed.data;
}

function invalidInput(method: string, path: string, field: string, message: string): PaygenticError {
  return new PaygenticError({
    kind: "invalid_request",
    method,
    path,
    message: `refused to send ${method} ${path}: ${field}: ${message}`,
    fieldErrors: [{ field, message }],
  });
}
