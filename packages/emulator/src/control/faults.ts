import { z } from "zod";

/**
 * Fault injection on the API routes (never on /__emulator or /portal). The first matching
 * fault wins; `times` bounds how many requests it applies to.
 */
export const FaultSpec = z
  .strictObject({
    method: z
      .string()
      .regex(/^[A-Za-z]+$/, "must be an HTTP method")
      .transform((m) => m.toUpperCase())
      .optional(),
    path: z
      .string()
      .startsWith("/", "must start with /")
      .max(1000)
      .refine((p) => !p.includes("?"), "matches the path only, without a query"),
    status: z.number().int().min(200).max(599).optional(),
    retryAfter: z.number().int().min(0).max(86_400).optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    bodyDelayMs: z.number().int().min(1).max(600_000).optional(),
    body: z.enum(["malformed", "schema-drift", "oversized", "oversized-chunked"]).optional(),
    location: z
      .string()
      .max(2000)
      .regex(/^(https?:\/\/|\/)/, "must be an http(s) URL or a path")
      .optional(),
    reset: z.boolean().optional(),
    times: z.number().int().min(1).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.status === undefined && f.delayMs === undefined && f.body === undefined && !f.reset && !f.bodyDelayMs)
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "a fault needs status, delayMs, bodyDelayMs, body or reset",
      });
    if (f.location !== undefined && (f.status === undefined || f.status < 300 || f.status > 399))
      ctx.addIssue({ code: "custom", path: ["location"], message: "location needs a 3xx status" });
    if (f.bodyDelayMs !== undefined && (f.status !== undefined || f.reset || f.body !== undefined))
      ctx.addIssue({
        code: "custom",
        path: ["bodyDelayMs"],
        message: "bodyDelayMs slows a processed answer: not with status, reset or body",
      });
    if (f.status !== undefined && f.body !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: "status answers without processing; body needs processing",
      });
    if (f.reset && (f.status !== undefined || f.body !== undefined))
      ctx.addIssue({ code: "custom", path: ["reset"], message: "reset cannot be combined with status or body" });
    if (f.retryAfter !== undefined && f.status === undefined)
      ctx.addIssue({ code: "custom", path: ["retryAfter"], message: "retryAfter needs a status" });
  });
export type FaultSpec = z.output<typeof FaultSpec>;

export interface Fault extends FaultSpec {
  id: string;
  pattern: RegExp;
  remaining: number | undefined;
}

/** `*` matches within one path segment, `**` across segments; everything else is literal. */
export function compilePathPattern(path: string): RegExp {
  let source = "";
  for (let i = 0; i < path.length; i++) {
    const ch = path[i] as string;
    if (ch === "*" && path[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (ch === "*") source += "[^/]*";
    else source += ch.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

export class FaultRegistry {
  private faults: Fault[] = [];
  private counter = 0;

  add(spec: FaultSpec): string {
    const id = `flt_${(++this.counter).toString().padStart(4, "0")}`;
    this.faults.push({ ...spec, id, pattern: compilePathPattern(spec.path), remaining: spec.times });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching the request, counted as used (and dropped when used up). */
  take(method: string, pathname: string): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    const fault = this.faults.find((f) => (f.method === undefined || f.method === method) && f.pattern.test(pathname));
    if (!fault) return undefined;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }
}
