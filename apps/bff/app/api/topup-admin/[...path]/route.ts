import { toNextHandlers } from "@creditkit/server/next";
import { topUpHandler } from "../../../../lib/runtime.ts";

// The support console's admin routes: the same handler, on its own base path. Without
// CREDITKIT_DEMO_ADMIN_PASSWORD the handler has no authorizeAdmin, and every path here is its 404.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toNextHandlers(topUpHandler);
