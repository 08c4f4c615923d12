// `pnpm start`: the production build of apps/bff (`next start`) with the emulator beside it, on
// 127.0.0.1 (PORT, default 3000; EMULATOR_PORT, default 4010), until stopped. Run `pnpm build` first.
import { runWithEmulator } from "../apps/bff/scripts/run-with-emulator.mjs";

await runWithEmulator({ mode: "start" });
