/**
 * Collects every place a secret turned up. Leaks are reported by the secret's NAME only: a
 * report that printed the secret would itself be a leak (test output is kept as an artifact).
 */
export class SecretWatch {
  readonly #secrets: Array<[name: string, value: string]>;
  readonly #leaks: string[] = [];
  readonly #pending: Array<Promise<unknown>> = [];
  #checked = 0;

  constructor(secrets: Record<string, string>) {
    this.#secrets = Object.entries(secrets).filter(([, value]) => value.length >= 8);
    if (this.#secrets.length === 0) throw new Error("SecretWatch needs at least one secret to watch");
  }

  /** Records `where` for every secret found in `text`. */
  check(where: string, text: string | Buffer): void {
    this.#checked += 1;
    for (const [name, value] of this.#secrets) if (text.includes(value)) this.#leaks.push(`${where}: ${name}`);
  }

  /** A check that needs an async read (a response body); awaited by `settle()`. */
  checkLater(where: string, read: () => Promise<string | Buffer>): void {
    this.#pending.push(
      read().then(
        (text) => this.check(where, text),
        () => undefined, // bodies of redirects and of pages already gone cannot be read; headers were checked
      ),
    );
  }

  async settle(): Promise<{ leaks: string[]; checked: number }> {
    await Promise.all(this.#pending);
    return { leaks: [...this.#leaks], checked: this.#checked };
  }
}
