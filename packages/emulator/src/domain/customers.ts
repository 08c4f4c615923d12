import type { CreateCustomerRequest, CreateCustomerResponse, Customer, CustomerList } from "@creditkit/paygentic";
import { conflict, forbidden, notFound } from "../http/api-error.ts";
import type { Runtime } from "../runtime.ts";
import type { CustomerRecord } from "../store/records.ts";

type CreateCustomer = CreateCustomerRequest & { merchantId: string };

export function customerView(rt: Runtime, c: CustomerRecord): Customer {
  const view: Customer = {
    id: c.id,
    object: "customer",
    consumerId: c.consumerId,
    merchantId: rt.store.merchant.id,
    organization: { id: c.consumerId, name: c.name, billingEmails: [c.email] },
    validTaxAddress: c.validTaxAddress,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
  if (c.externalId !== undefined) view.externalId = c.externalId;
  return view;
}

function requireOwnMerchant(rt: Runtime, merchantId: string): void {
  if (merchantId !== rt.store.merchant.id)
    throw forbidden(`organization ${merchantId} is not the merchant this API key belongs to`);
}

/** `POST /v0/customers`: a new consumer organization, or an existing one by consumerId. */
export function createCustomer(rt: Runtime, body: CreateCustomer): CreateCustomerResponse {
  const { store } = rt;
  requireOwnMerchant(rt, body.merchantId);
  let consumer: { name: string; email: string } | undefined;
  if (body.consumerId !== undefined) {
    consumer = store.consumers.get(body.consumerId);
    if (!consumer) throw notFound(`organization ${body.consumerId} not found`);
  } else if (body.consumer) {
    consumer = { name: body.consumer.name, email: body.consumer.email };
  }
  if (body.externalId !== undefined && store.customersByExternalId.has(body.externalId))
    throw conflict("EXTERNAL_ID_TAKEN", `a customer with externalId ${JSON.stringify(body.externalId)} exists`);
  const address = body.consumer?.address;
  // The emulator has no tax engine: an address with a country is "valid", as a minimal check.
  const validTaxAddress =
    body.consumerId !== undefined || address?.country
      ? { valid: true }
      : { valid: false, message: "address.country is required for tax calculation" };
  const now = rt.clock.nowIso();
  const record: CustomerRecord = {
    id: rt.ids.next("cus"),
    consumerId: body.consumerId ?? rt.ids.next("org"),
    externalId: body.externalId,
    name: (consumer as { name: string }).name,
    email: (consumer as { email: string }).email,
    phone: body.consumer?.phone,
    address: address as Record<string, string> | undefined,
    taxId: body.taxId,
    validTaxAddress,
    createdAt: now,
    updatedAt: now,
  };
  store.addCustomer(record);
  return { customerId: record.id, validTaxAddress };
}

export function listCustomers(
  rt: Runtime,
  q: {
    organizationId: string;
    externalId?: string | undefined;
    limit?: number | undefined;
    offset?: number | undefined;
  },
): CustomerList {
  requireOwnMerchant(rt, q.organizationId);
  const { store } = rt;
  let matching: CustomerRecord[];
  if (q.externalId !== undefined) {
    const one = store.customersByExternalId.get(q.externalId);
    matching = one ? [one] : [];
  } else matching = store.customerList;
  const limit = q.limit ?? 10;
  const offset = q.offset ?? 0;
  return {
    object: "list",
    data: matching.slice(offset, offset + limit).map((c) => customerView(rt, c)),
    pagination: { limit, offset, total: matching.length },
  };
}

export function getCustomer(rt: Runtime, id: string): Customer {
  const c = rt.store.customers.get(id);
  if (!c) throw notFound(`customer ${id} not found`);
  return customerView(rt, c);
}
