import type { PurchaseSelection } from "@creditkit/contract";

/**
 * The per-attempt key behind "one click, one purchase". It is kept in sessionStorage (per tab, per BFF
 * base path) so a double click, a retry after an error and a reload before the redirect all send the
 * same Idempotency-Key, and the BFF answers with the same purchase. A different selection gets a new
 * key; a purchase that reached a final state clears it.
 */
export interface Attempt {
  key: string;
  selection: string;
  purchaseId?: string;
}

export function selectionId(selection: PurchaseSelection): string {
  return "packId" in selection ? `pack:${selection.packId}` : `credits:${selection.credits}`;
}

/** 16 random bytes as hex behind a prefix: 35 chars of [A-Za-z0-9_], inside the BFF's 8–64 rule. */
export function newAttemptKey(): string {
  // getRandomValues (unlike randomUUID) also works outside secure contexts, e.g. http on a LAN host.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ck_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

// Storage can be missing or throw (disabled storage, Safari private mode): fall back to this tab's memory.
const memory = new Map<string, string>();
const storageKey = (basePath: string) => `creditkit.attempt:${basePath}`;

function read(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null): void {
  memory.delete(key);
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    if (value !== null) memory.set(key, value);
  }
}

export function loadAttempt(basePath: string): Attempt | null {
  try {
    const value = JSON.parse(read(storageKey(basePath)) ?? "null") as Partial<Attempt> | null;
    return typeof value?.key === "string" && typeof value.selection === "string" ? (value as Attempt) : null;
  } catch {
    return null;
  }
}

export function saveAttempt(basePath: string, attempt: Attempt): void {
  write(storageKey(basePath), JSON.stringify(attempt));
}

export function clearAttempt(basePath: string, purchaseId?: string): void {
  // Only clear the attempt that belongs to this purchase: the customer may have moved on to another.
  const current = loadAttempt(basePath);
  if (!purchaseId || !current?.purchaseId || current.purchaseId === purchaseId) write(storageKey(basePath), null);
}

/** The customer picked something else: forget an attempt made for another selection. */
export function releaseAttemptUnless(basePath: string, selection: PurchaseSelection | null): void {
  const current = loadAttempt(basePath);
  if (current && current.selection !== (selection && selectionId(selection))) write(storageKey(basePath), null);
}

/** The attempt to use for `selection`: the stored one when it is for the same thing, else a fresh one. */
export function attemptFor(basePath: string, selection: PurchaseSelection): Attempt {
  const id = selectionId(selection);
  const current = loadAttempt(basePath);
  if (current && current.selection === id) return current;
  const fresh: Attempt = { key: newAttemptKey(), selection: id };
  saveAttempt(basePath, fresh);
  return fresh;
}
