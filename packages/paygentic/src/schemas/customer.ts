import { z } from "zod";
import { CustomerId, DateTime, listOf, OrganizationId } from "./common.ts";

/**
 * Paygentic's `ValidTaxAddress` exactly as its spec's schema has it: `message` is a string, present
 * only when there is something to say (an SDK that validates responses throws on `message: null`).
 */
export const ValidTaxAddressSpec = z.object({
  valid: z.boolean(),
  message: z.string().optional(),
});

/**
 * What we read: the spec's schema, except that a `null` message (which the spec's own examples
 * show) is read as no message, so the parsed value always satisfies the spec.
 */
export const ValidTaxAddress = z.preprocess((value) => {
  if (value === null || typeof value !== "object" || (value as { message?: unknown }).message !== null) return value;
  const { message: _null, ...rest } = value as Record<string, unknown>;
  return rest;
}, ValidTaxAddressSpec);
export type ValidTaxAddress = z.infer<typeof ValidTaxAddressSpec>;

/** The customer fields CreditKit reads. */
export const Customer = z.object({
  id: CustomerId,
  object: z.literal("customer"),
  consumerId: OrganizationId,
  merchantId: OrganizationId,
  externalId: z.string().max(255).optional(),
  organization: z
    .object({
      id: z.string(),
      name: z.string(),
      billingEmails: z.array(z.string()).optional(),
    })
    .optional(),
  validTaxAddress: ValidTaxAddress,
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Customer = z.infer<typeof Customer>;

export const CustomerList = listOf(Customer);
export type CustomerList = z.infer<typeof CustomerList>;

export const Address = z.object({
  line1: z.string().optional(),
  line2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zipCode: z.string().optional(),
  country: z.string().optional(),
});

/** Body of `POST /v0/customers`: either a new `consumer` or an existing `consumerId`. */
export const CreateCustomerRequest = z
  .object({
    merchantId: OrganizationId,
    consumer: z
      .object({
        name: z.string().min(1),
        email: z.email(),
        phone: z.string().optional(),
        address: Address,
      })
      .optional(),
    consumerId: OrganizationId.optional(),
    taxId: z.string().optional(),
    externalId: z.string().max(255).optional(),
  })
  .refine((c) => c.consumer !== undefined || c.consumerId !== undefined, {
    message: "either consumer or consumerId is required",
    path: ["consumer"],
  });
export type CreateCustomerRequest = z.input<typeof CreateCustomerRequest>;

export const CreateCustomerResponse = z.object({
  customerId: CustomerId,
  validTaxAddress: ValidTaxAddress,
});
export type CreateCustomerResponse = z.infer<typeof CreateCustomerResponse>;

/** Query of `GET /v0/customers`. */
export const ListCustomersQuery = z.object({
  organizationId: OrganizationId,
  externalId: z.string().max(255).optional(),
  limit: z.number().int().min(1).max(100).optional(),
  offset: z.number().int().min(0).optional(),
});
export type ListCustomersQuery = z.input<typeof ListCustomersQuery>;
