import { randomBytes } from "node:crypto";

/**
 * Id generation. Every id is `<prefix>_<24 hex digits>`, which satisfies all of Paygentic's id
 * patterns (including `inv_[a-f0-9]+`). In deterministic mode the hex part is a counter, so
 * two runs with the same requests produce the same ids and tests can compare snapshots.
 */
export class IdGenerator {
  private counter = 0;
  private mark = 0;

  constructor(private readonly deterministic: boolean) {}

  next(prefix: string): string {
    if (!this.deterministic) return `${prefix}_${randomBytes(12).toString("hex")}`;
    this.counter += 1;
    return `${prefix}_${this.counter.toString(16).padStart(24, "0")}`;
  }

  /** Remembers the counter (after seeding) so that a reset replays the same ids. */
  checkpoint(): void {
    this.mark = this.counter;
  }

  rewind(): void {
    this.counter = this.mark;
  }
}
