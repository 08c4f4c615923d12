import type { SafeLogger } from "./safe-logger.ts";

/**
 * What a server adapter may know of a handler made by createTopUpHandler, so the merchant says it
 * once (in the handler's config), not again to the adapter: the origin the app is served on (the
 * Node adapter builds each request's URL on it rather than on the untrusted Host header), where
 * the handler is mounted (so an adapter used as catch-all middleware passes other paths on), and
 * the merchant's logger (for a misconfiguration the adapter detects before the handler runs).
 * Kept beside the handler function, not on it, so the handler stays a plain `Request → Response`.
 */
export interface HandlerSettings {
  readonly publicOrigin: string;
  readonly basePath: string;
  /** The merchant's logger (scrubbed of secrets), or undefined when the config names none. */
  readonly logger: SafeLogger | undefined;
}

const settingsByHandler = new WeakMap<object, HandlerSettings>();

export function rememberHandlerSettings(handler: object, settings: HandlerSettings): void {
  settingsByHandler.set(handler, settings);
}

/** The settings of a CreditKit handler; undefined for any other `Request → Response` function. */
export function handlerSettingsOf(handler: object): HandlerSettings | undefined {
  return settingsByHandler.get(handler);
}
