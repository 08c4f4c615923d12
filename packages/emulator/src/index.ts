export { DEMO_API_KEY, DEMO_WEBHOOK_SECRET } from "./constants.ts";
export {
  createEmulatorControl,
  type EmulatorControl,
  type FaultSpec,
  type PaymentSessionOutcome,
  paymentSessionIdOf,
  type RecordedRequest,
} from "./control-client.ts";
export type { SeedInfo } from "./emulator-core.ts";
/** The demo merchant's seed (the default), to start a variation from: another currency, more customers. */
export { DEMO_SEED } from "./seed/demo-seed.ts";
export type { SeedDefinition } from "./seed/seed-schema.ts";
export { SeedDefinitionSchema } from "./seed/seed-schema.ts";
export { type Emulator, type EmulatorOptions, startEmulator } from "./start-emulator.ts";
