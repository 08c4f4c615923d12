import { toNextHandlers } from "@creditkit/server/next";
import { topUpHandler } from "../../../../lib/runtime.ts";

// The whole CreditKit BFF: catalog, balance, grants, purchases and the Paygentic webhook. Every
// method goes to it, so a wrong one gets the BFF's JSON 405 rather than Next's own answer.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toNextHandlers(topUpHandler);
