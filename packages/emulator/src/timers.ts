/**
 * The emulator's real timers (settle delay, webhook retries, delayed answers), tracked so that
 * reset and close can cancel every one of them and never leave the process waiting.
 */
export class Timers {
  private readonly handles = new Set<NodeJS.Timeout>();

  after(ms: number, fn: () => void): void {
    const handle = setTimeout(() => {
      this.handles.delete(handle);
      fn();
    }, ms);
    this.handles.add(handle);
  }

  clearAll(): void {
    for (const h of this.handles) clearTimeout(h);
    this.handles.clear();
  }

  get size(): number {
    return this.handles.size;
  }
}
