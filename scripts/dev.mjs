// `pnpm dev`: the Paygentic emulator and `next dev` together on 127.0.0.1 (PORT, default 3000;
// EMULATOR_PORT, default 4010). Ctrl-C stops both.
import { runWithEmulator } from "../apps/bff/scripts/run-with-emulator.mjs";

await runWithEmulator({ mode: "dev" });
