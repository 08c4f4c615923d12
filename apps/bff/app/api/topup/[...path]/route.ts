import { toNextHandlers } from "@creditkit/server/next";
import { topUpHandler } from "../../../../lib/runtime.ts";

// The whole CreditKit BFF: catalog, balance, grants, purchases and the Paygentic webhook.
export const { GET, POST, PUT, PATCH, DELETE } = toNextHandlers(topUpHandler);
