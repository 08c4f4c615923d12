import { addDuration, type Duration } from "./duration.ts";

/**
 * The emulator's clock: real time plus an offset that tests move with `POST /__emulator/clock`.
 * Real time keeps flowing so that timers (settle delay, webhook retries) and Svix timestamps
 * stay meaningful; tests jump the offset instead of sleeping.
 */
export class Clock {
  private offset: number;

  constructor(
    private readonly initialOffset = 0,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offset = initialOffset;
  }

  /** A clock that reads `startAt` right now (or real time when undefined). */
  static startingAt(startAt: number | undefined, realNow: () => number = Date.now): Clock {
    return new Clock(startAt === undefined ? 0 : startAt - realNow(), realNow);
  }

  now(): number {
    return this.realNow() + this.offset;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Jumps to an instant (forwards or backwards). */
  set(instant: number): void {
    this.offset = instant - this.realNow();
  }

  /** Moves forward by a duration, calendar-aware (P1M from Jan 31 lands on Feb 28/29). */
  advance(by: Duration): void {
    this.set(addDuration(this.now(), by));
  }

  /** Back to the offset it started with (reset clears what the clock control added). */
  reset(): void {
    this.offset = this.initialOffset;
  }
}
