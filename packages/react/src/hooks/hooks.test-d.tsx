/**
 * Type tests of the hooks' public generics, checked by `tsc` (pnpm typecheck) and never run: what
 * `data` is with and without `select`, and which React Query options each hook takes.
 */
import type { CatalogBody, GrantsPageBody, GrantView, PurchaseStatus, PurchaseStatusBody } from "@creditkit/contract";
import { QueryClient } from "@tanstack/react-query";
import { expectTypeOf } from "vitest";
import type { BffClient } from "../core/bff-client.ts";
import type { CreditKitError } from "../core/errors.ts";
import { creditKitQueries } from "../core/queries.ts";
import { useBalance } from "./use-balance.ts";
import { useCatalog } from "./use-catalog.ts";
import { useGrants } from "./use-grants.ts";
import { usePurchaseStatus } from "./use-purchase-status.ts";

export function CatalogTypes() {
  const plain = useCatalog();
  expectTypeOf(plain.data).toEqualTypeOf<CatalogBody | undefined>();
  expectTypeOf(plain.error).toEqualTypeOf<CreditKitError | null>();

  const selected = useCatalog({
    select: (catalog) => {
      expectTypeOf(catalog).toEqualTypeOf<CatalogBody>();
      return catalog.packs.length;
    },
    enabled: false,
    staleTime: 0,
  });
  expectTypeOf(selected.data).toEqualTypeOf<number | undefined>();

  // The read itself (key and request) is the widget's.
  // @ts-expect-error queryKey is not an option
  useCatalog({ queryKey: ["mine"] });
  return null;
}

export function BalanceTypes() {
  expectTypeOf(useBalance({ select: (b) => b.balance > 0 }).data).toEqualTypeOf<boolean | undefined>();
  // @ts-expect-error select gets the balance body
  useBalance({ select: (b: CatalogBody) => b.currency });
  return null;
}

export function GrantsTypes() {
  const plain = useGrants({ pageSize: 5 });
  expectTypeOf(plain.data).toEqualTypeOf<GrantsPageBody | undefined>();
  expectTypeOf(plain.grants).toEqualTypeOf<GrantView[]>();

  const selected = useGrants({ includeVoided: true, select: (page) => page.pagination.total });
  expectTypeOf(selected.data).toEqualTypeOf<number | undefined>();
  // The page's grants and navigation do not change with select.
  expectTypeOf(selected.grants).toEqualTypeOf<GrantView[]>();
  expectTypeOf(selected.setPage).toEqualTypeOf<(next: number) => void>();
  return null;
}

export function PurchaseStatusTypes() {
  const plain = usePurchaseStatus("pur_x");
  expectTypeOf(plain.purchase).toEqualTypeOf<PurchaseStatusBody | undefined>();
  expectTypeOf(plain.data).toEqualTypeOf<PurchaseStatusBody | undefined>();

  const selected = usePurchaseStatus(null, { select: (purchase) => purchase.status });
  expectTypeOf(selected.data).toEqualTypeOf<PurchaseStatus | undefined>();
  expectTypeOf(selected.purchase).toEqualTypeOf<PurchaseStatusBody | undefined>();

  // When to ask again is the watch's (the provider's `polling`).
  // @ts-expect-error refetchInterval is not an option
  usePurchaseStatus("pur_x", { refetchInterval: 1000 });
  // @ts-expect-error retry is not an option
  usePurchaseStatus("pur_x", { retry: 3 });
  return null;
}

export function queryOptionsTypes(client: BffClient) {
  // The keys carry their data type, so reading the cache by them needs no cast.
  const { queryKey } = creditKitQueries.catalog({ basePath: "/api/topup", client });
  expectTypeOf(new QueryClient().getQueryData(queryKey)).toEqualTypeOf<CatalogBody | undefined>();
}
