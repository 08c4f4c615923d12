import type { Selection } from "./types.ts";

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

export function selectionId(selection: Selection): string {
  return "packId" in selection ? `pack:${selection.packId}` : `credits:${selection.credits}`;
}

/** 16 random bytes as hex behind a prefix: 35 chars of [A-Za-z0-9_], inside the BFF's 8–64 rule. */
export function newAttemptKey(): string {
  const bytes = new Uint8Array(16);
  // getRandomValues (unlike randomUUID) also works outside secure contexts, e.g. http on a LAN host.
  crypto.getRandomValues(bytes);
  return `ck_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

// Storage can be missing or throw (disabled cookies, Safari private mode); fall back to this tab's memory.
const memory = new Map<string, string>();

function storage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> {
  try {
    const s = window.sessionStorage;
    const probe = "creditkit.probe";
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return {
      getItem: (k) => memory.get(k) ?? null,
      setItem: (k, v) => void memory.set(k, v),
      removeItem: (k) => void memory.delete(k),
    };
  }
}

const storageKey = (basePath: string) => `creditkit.attempt:${basePath}`;

export function loadAttempt(basePath: string): Attempt | null {
  try {
    const raw = storage().getItem(storageKey(basePath));
    const value = raw ? (JSON.parse(raw) as Partial<Attempt>) : null;
    return value && typeof value.key === "string" && typeof value.selection === "string" ? (value as Attempt) : null;
  } catch {
    return null;
  }
}

export function saveAttempt(basePath: string, attempt: Attempt): void {
  storage().setItem(storageKey(basePath), JSON.stringify(attempt));
}

export function clearAttempt(basePath: string, purchaseId?: string): void {
  const current = loadAttempt(basePath);
  // Only clear the attempt that belongs to this purchase: another tab state may have moved on.
  if (purchaseId && current?.purchaseId && current.purchaseId !== purchaseId) return;
  storage().removeItem(storageKey(basePath));
}

/** The attempt to use for `selection`: the stored one when it is for the same thing, else a fresh one. */
export function attemptFor(basePath: string, selection: Selection): Attempt {
  const id = selectionId(selection);
  const current = loadAttempt(basePath);
  if (current && current.selection === id) return current;
  const fresh: Attempt = { key: newAttemptKey(), selection: id };
  saveAttempt(basePath, fresh);
  return fresh;
}
