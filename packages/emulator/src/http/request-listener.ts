import type { IncomingMessage, ServerResponse } from "node:http";
import { handleApi } from "../api/handle-api.ts";
import { handleControl } from "../control/control-routes.ts";
import type { EmulatorCore } from "../emulator-core.ts";
import { handlePortal } from "../portal/portal-routes.ts";
import { sendJson } from "./send.ts";

/** Splits traffic: /__emulator/ control, /portal/ hosted page, everything else the API. */
export function createRequestListener(core: EmulatorCore) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q < 0 ? url : url.slice(0, q);
    const search = q < 0 ? "" : url.slice(q);
    let handled: Promise<void>;
    if (pathname === "/__emulator" || pathname.startsWith("/__emulator/")) {
      handled = handleControl(core, req, res, pathname);
    } else if (pathname === "/portal" || pathname.startsWith("/portal/")) {
      handled = handlePortal(core, req, res, pathname);
    } else {
      handled = handleApi(core, req, res, pathname, search);
    }
    // Nothing a caller sends may take the process down: an unexpected error is a 500.
    handled.catch((error: unknown) => {
      core.rt.config.logger.warn?.(`emulator error on ${req.method} ${pathname}: ${(error as Error)?.stack ?? error}`);
      if (!res.headersSent)
        sendJson(res, 500, { error: "internal_error", message: "the emulator failed on this request" });
      else res.destroy();
    });
  };
}
