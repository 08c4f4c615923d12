import type { z } from "zod";

export interface FieldError {
  field: string;
  message: string;
  code: string;
}

/**
 * An answer other than success, thrown from anywhere in a handler and sent as JSON by the
 * server. Handlers validate everything before they change state, so throwing one never leaves
 * a half-done change behind.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? body.error));
  }
}

export const notFound = (message: string) => new ApiError(404, { error: "not_found", message });

export const conflict = (code: string, message: string) => new ApiError(409, { error: "conflict", code, message });

export const forbidden = (message: string) => new ApiError(403, { error: "forbidden", message });

export function validationFailed(errors: FieldError[]): ApiError {
  return new ApiError(400, { error: "validation_error", message: "Validation failed", errors });
}

export function invalidField(field: string, message: string, code = "invalid_value"): ApiError {
  return validationFailed([{ field, message, code }]);
}

/** Every zod issue as a field error, with dotted paths under `prefix` ("(body)" for the root). */
export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    return { field: path.length > 0 ? path.join(".") : "(body)", message: issue.message, code: issue.code };
  });
}
