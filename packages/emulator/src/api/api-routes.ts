import {
  CreateCustomerRequest,
  CreateGrantRequest,
  CreateInvoiceRefundRequest,
  CustomerId,
  DateTime,
  EntitlementId,
  GrantId,
  IssueEntitlementRequest,
  ListCustomersQuery,
  ListEntitlementsQuery,
  ListGrantsQuery,
  PurchaseGrantRequest,
  UsageEvent,
} from "@creditkit/paygentic";
import { z } from "zod";
import { createCustomer, getCustomer, listCustomers } from "../domain/customers.ts";
import { findEntitlement, getEntitlement, issueEntitlement, listEntitlements } from "../domain/entitlements.ts";
import { createGrant, findGrant, listGrants, voidGrant } from "../domain/grants.ts";
import { invoiceView } from "../domain/invoice-view.ts";
import { expireDueSessions } from "../domain/payment-sessions.ts";
import { purchaseGrant } from "../domain/purchases.ts";
import { listRefunds, refundInvoice } from "../domain/refunds.ts";
import { ingestEvent } from "../domain/usage-events.ts";
import { notFound } from "../http/api-error.ts";
import { Router } from "../http/router.ts";
import { parseInput, parsePathId, queryObject } from "../http/validate.ts";
import type { Runtime } from "../runtime.ts";

export interface ApiContext {
  rt: Runtime;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body of a POST (undefined otherwise). */
  body: unknown;
}

export interface ApiResult {
  status: number;
  body: unknown;
}

export type ApiHandler = (ctx: ApiContext) => ApiResult;

/** Invoice ids in the path: the client's own rule (the spec gives no pattern for v2 invoices). */
const InvoicePathId = z.string().regex(/^[A-Za-z0-9_]+$/, "must be an invoice id");
const AtQuery = z.object({ at: DateTime.optional() });

/**
 * The shared schema accepts any URL scheme for the redirect targets (`javascript:` included);
 * the hosted page redirects and links to them, so the emulator accepts only http(s).
 */
const RedirectUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const PurchaseRequest = PurchaseGrantRequest.extend({
  successUrl: RedirectUrl.optional(),
  cancelUrl: RedirectUrl.optional(),
});

const ok = (body: unknown): ApiResult => ({ status: 200, body });
const created = (body: unknown): ApiResult => ({ status: 201, body });

const entitlementOf = ({ rt, params }: ApiContext) =>
  findEntitlement(rt, parsePathId(EntitlementId, params.entitlementId as string, "entitlementId"));

/** Parses the grant id before looking anything up, so a malformed id is a 400 whatever else. */
function grantOf(ctx: ApiContext) {
  const grantId = parsePathId(GrantId, ctx.params.grantId as string, "grantId");
  const ent = entitlementOf(ctx);
  return { ent, grantId };
}

/** The Paygentic API the emulator serves: every route of the README's table. */
export const apiRouter = new Router<ApiHandler>()
  .add("GET", "/v1/entitlements", ({ rt, query }) => {
    const q = parseInput(
      ListEntitlementsQuery,
      queryObject(query, {
        customerId: "string",
        externalCustomerId: "string",
        merchantId: "string",
        featureKey: "string",
        productId: "string",
        subscriptionId: "string",
        limit: "number",
        offset: "number",
        at: "string",
      }),
    );
    return ok(listEntitlements(rt, q));
  })
  .add("POST", "/v1/entitlements", ({ rt, body }) =>
    created(issueEntitlement(rt, parseInput(IssueEntitlementRequest, body))),
  )
  .add("GET", "/v1/entitlements/:entitlementId", (ctx) => {
    const id = parsePathId(EntitlementId, ctx.params.entitlementId as string, "entitlementId");
    const q = parseInput(AtQuery, queryObject(ctx.query, { at: "string" }));
    return ok(getEntitlement(ctx.rt, id, q.at));
  })
  .add("GET", "/v1/entitlements/:entitlementId/grants", (ctx) => {
    const q = parseInput(
      ListGrantsQuery,
      queryObject(ctx.query, { limit: "number", offset: "number", includeVoided: "boolean" }),
    );
    return ok(listGrants(entitlementOf(ctx), q));
  })
  .add("POST", "/v1/entitlements/:entitlementId/grants", (ctx) => {
    const ent = entitlementOf(ctx);
    return created(createGrant(ctx.rt, ent, parseInput(CreateGrantRequest, ctx.body)));
  })
  .add("POST", "/v1/entitlements/:entitlementId/grants/purchase", (ctx) => {
    const ent = entitlementOf(ctx);
    return created(purchaseGrant(ctx.rt, ent, parseInput(PurchaseRequest, ctx.body)));
  })
  .add("GET", "/v1/entitlements/:entitlementId/grants/:grantId", (ctx) => {
    const { ent, grantId } = grantOf(ctx);
    return ok(findGrant(ent, grantId).view);
  })
  .add("DELETE", "/v1/entitlements/:entitlementId/grants/:grantId", (ctx) => {
    const { ent, grantId } = grantOf(ctx);
    return ok(voidGrant(ctx.rt, ent, grantId));
  })
  .add("GET", "/v2/invoices/:invoiceId", ({ rt, params }) => {
    const id = parsePathId(InvoicePathId, params.invoiceId as string, "id");
    expireDueSessions(rt);
    const invoice = rt.store.invoices.get(id);
    if (!invoice) throw notFound(`invoice ${id} not found`);
    return ok(invoiceView(rt.store, invoice));
  })
  .add("POST", "/v2/invoices/:invoiceId/refunds", ({ rt, params, body }) => {
    const id = parsePathId(InvoicePathId, params.invoiceId as string, "id");
    return created(refundInvoice(rt, id, parseInput(CreateInvoiceRefundRequest, body).reason));
  })
  .add("GET", "/v2/invoices/:invoiceId/refunds", ({ rt, params }) =>
    ok(listRefunds(rt, parsePathId(InvoicePathId, params.invoiceId as string, "id"))),
  )
  .add("POST", "/v0/customers", ({ rt, body }) => created(createCustomer(rt, parseInput(CreateCustomerRequest, body))))
  .add("GET", "/v0/customers", ({ rt, query }) => {
    const q = parseInput(
      ListCustomersQuery,
      queryObject(query, { organizationId: "string", externalId: "string", limit: "number", offset: "number" }),
    );
    return ok(listCustomers(rt, q));
  })
  .add("GET", "/v0/customers/:customerId", ({ rt, params }) =>
    ok(getCustomer(rt, parsePathId(CustomerId, params.customerId as string, "customerId"))),
  )
  .add("POST", "/v0/events", ({ rt, body }) => ({ status: 202, body: ingestEvent(rt, parseInput(UsageEvent, body)) }));
