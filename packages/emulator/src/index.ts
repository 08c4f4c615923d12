export { DEMO_API_KEY, DEMO_WEBHOOK_SECRET } from "./constants.ts";
export {
  createEmulatorControl,
  type DeliveryAttempt,
  type DeliveryFilter,
  type EmulatorControl,
  type FaultSpec,
  type PaymentSessionOutcome,
  type PurchaseView,
  paymentSessionIdOf,
  type RecordedRequest,
  type WebhookDelivery,
} from "./control-client.ts";
export type { SeedInfo } from "./emulator-core.ts";
/** The demo merchant's seed (the default), to start a variation from: another currency, more customers. */
export { DEMO_SEED } from "./seed/demo-seed.ts";
export type { SeedDefinition } from "./seed/seed-schema.ts";
export { SeedDefinitionSchema } from "./seed/seed-schema.ts";
export { type Emulator, type EmulatorOptions, startEmulator } from "./start-emulator.ts";
export { type SignedWebhook, type SignOptions, sendWebhookEvent, signWebhookEvent } from "./webhooks/sign-event.ts";
