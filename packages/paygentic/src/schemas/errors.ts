import { z } from "zod";
import { OpenObject } from "./common.ts";

/** Paygentic's generic error body. `code` is the machine-readable part; `message` is for humans. */
export const ErrorBody = z.object({
  error: z.string().optional(),
  message: z.string(),
  code: z.string().optional(),
  details: OpenObject.optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const ValidationErrorItem = z.object({
  field: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type ValidationErrorItem = z.infer<typeof ValidationErrorItem>;

/** A 400 body that names each bad field. */
export const ValidationErrorBody = z.object({
  error: z.literal("validation_error").default("validation_error"),
  message: z.string(),
  errors: z.array(ValidationErrorItem),
});
export type ValidationErrorBody = z.infer<typeof ValidationErrorBody>;
