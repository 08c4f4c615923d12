import { z } from "zod";
import { DateTime, OpenObject } from "./common.ts";

/** Body of `POST /v0/events`: a CloudEvents-style usage event for a customer. */
export const UsageEvent = z
  .object({
    type: z.string().min(1),
    source: z.string().min(1),
    subject: z.string().min(1).optional(),
    externalSubject: z.string().min(1).max(255).optional(),
    namespace: z.string().optional(),
    timestamp: DateTime.optional(),
    idempotencyKey: z.string().min(1).max(255).optional(),
    externalId: z.string().max(255).optional(),
    data: OpenObject,
  })
  .refine((e) => e.subject !== undefined || e.externalSubject !== undefined, {
    message: "either subject or externalSubject is required",
    path: ["subject"],
  });
export type UsageEvent = z.input<typeof UsageEvent>;

/** 202 answer to an event. Every field is optional in the spec. */
export const EventResponse = z.object({
  id: z.string().optional(),
  object: z.literal("event").optional(),
  type: z.string().optional(),
  source: z.string().optional(),
  subject: z.string().optional(),
  externalSubject: z.string().optional(),
  namespace: z.string().optional(),
  timestamp: DateTime.optional(),
  idempotencyKey: z.string().optional(),
});
export type EventResponse = z.infer<typeof EventResponse>;
