import type { EventEmitter } from "node:events";
import autocannon from "autocannon";
import { percentile, round } from "./stats.ts";

export interface LoadResult {
  requestsPerSecond: number;
  /** Latency percentiles of 2xx answers, to 0.01 ms (autocannon's own histogram keeps whole ms). */
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  durationSeconds: number;
}

export interface LoadRequest {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  /** Cycled in order on every connection (autocannon's `requests`); default: GET `url`. */
  requests?: LoadRequest[];
  connections: number;
  /** Whole seconds (autocannon rounds a fraction up); or, for a quick pass, `amount` requests. */
  durationSeconds: number;
  amount?: number;
}

/**
 * One autocannon run; the same generator and settings for everything we compare (pipelining 1,
 * keep-alive connections). Latencies are taken from autocannon's per-response event, which carries
 * sub-millisecond timings, so a 0.3 ms difference is visible.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  // Without a callback autocannon returns its tracker, an EventEmitter that is also a promise.
  const instance = autocannon({
    url: options.url,
    headers: options.headers ?? {},
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds }),
    pipelining: 1,
    // Check for the end every 100 ms (default 1 s, which would round every run up to whole seconds).
    sampleInt: 100,
    ...(options.requests && { requests: options.requests }),
  }) as Promise<autocannon.Result> & EventEmitter;
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  const seconds = result.duration; // as autocannon measured it
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    requestsPerSecond: Math.round(result.requests.total / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    meanMs: round(latencies.length ? sum / latencies.length : Number.NaN),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    durationSeconds: seconds,
  };
}
