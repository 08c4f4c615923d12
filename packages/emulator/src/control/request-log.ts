import { REQUEST_LOG_LIMIT } from "../constants.ts";

export interface LoggedRequest {
  method: string;
  /** pathname + search. */
  path: string;
  /** The parsed JSON body, or null (none, or not JSON). */
  body: unknown;
  /** The answered status; 0 while pending or for a reset connection. */
  status: number;
  /** On the emulator's clock. */
  at: string;
}

/** The API requests seen, oldest first, bounded (a ring buffer: O(1) per request). */
export class RequestLog {
  private entries: (LoggedRequest | undefined)[] = [];
  private start = 0;
  private count = 0;

  constructor(private readonly limit = REQUEST_LOG_LIMIT) {}

  add(entry: LoggedRequest): void {
    if (this.count < this.limit) {
      this.entries[(this.start + this.count) % this.limit] = entry;
      this.count++;
    } else {
      this.entries[this.start] = entry;
      this.start = (this.start + 1) % this.limit;
    }
  }

  list(): LoggedRequest[] {
    const out: LoggedRequest[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.entries[(this.start + i) % this.limit] as LoggedRequest);
    return out;
  }

  clear(): void {
    this.entries = [];
    this.start = 0;
    this.count = 0;
  }
}
