// Starts the Paygentic emulator and the Next.js app side by side, both on 127.0.0.1, wires them
// together (API key, webhook URL and secret, payment host) and stops both on Ctrl-C / SIGTERM or
// when either exits. Used by the root scripts/dev.mjs and scripts/start.mjs.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const BFF = join(ROOT, "apps", "bff");
const HOST = "127.0.0.1";

function port(name, fallback) {
  const raw = process.env[name] ?? String(fallback);
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    console.error(`${name} must be a port number (1-65535)`);
    process.exit(2);
  }
  return Number(raw);
}

/** @param {{ mode: "dev" | "start" }} options */
export async function runWithEmulator({ mode }) {
  const appPort = port("PORT", 3000);
  const emulatorPort = port("EMULATOR_PORT", 4010);
  if (mode === "start" && !existsSync(join(BFF, ".next", "BUILD_ID"))) {
    console.error("apps/bff has no production build: run pnpm build first");
    process.exit(1);
  }

  const publicUrl = `http://${HOST}:${appPort}`;
  const webhookSecret = `whsec_${randomBytes(32).toString("base64")}`;
  const children = new Set();
  let stopping = false;

  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    const force = setTimeout(() => {
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    }, 5000);
    force.unref();
    Promise.all([...children].map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))).then(
      () => process.exit(code),
    );
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));

  const emulator = spawn(
    join(ROOT, "node_modules", ".bin", "tsx"),
    [
      join(ROOT, "packages", "emulator", "src", "cli.ts"),
      "--port",
      String(emulatorPort),
      "--host",
      HOST,
      "--webhook-url",
      `${publicUrl}/api/topup/webhooks/paygentic`,
    ],
    // The secret goes through the environment: a command line is visible to every user (ps, /proc).
    {
      cwd: ROOT,
      env: { ...process.env, CREDITKIT_EMULATOR_WEBHOOK_SECRET: webhookSecret },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.add(emulator);
  emulator.on("exit", (code) => {
    if (!stopping) console.error(`the emulator stopped (exit ${code}); stopping the app`);
    stop(code ?? 1);
  });
  const emulatorUrl = await new Promise((resolve) => {
    let buffer = "";
    emulator.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk.toString();
      const match = /CreditKit emulator ready at (http:\/\/\S+)/.exec(buffer);
      if (match) resolve(match[1]);
    });
  });

  const seed = await (await fetch(`${emulatorUrl}/__emulator/seed`)).json();
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(appPort),
    PAYGENTIC_API_KEY: seed.apiKey,
    PAYGENTIC_BASE_URL: emulatorUrl,
    PAYGENTIC_WEBHOOK_SECRET: webhookSecret,
    CREDITKIT_PUBLIC_URL: publicUrl,
    PAYMENT_HOSTS: new URL(emulatorUrl).origin,
    // A fresh secret per run in production mode; development keeps its fixed one (sessions survive restarts).
    ...(mode === "start" ? { SESSION_SECRET: process.env.SESSION_SECRET ?? randomBytes(32).toString("hex") } : {}),
    // The demo's support console (/admin): a staff password for this run, printed below. The
    // reference app has no console unless this is set, so a deployment of it is never an open door.
    CREDITKIT_DEMO_ADMIN_PASSWORD: process.env.CREDITKIT_DEMO_ADMIN_PASSWORD || randomBytes(12).toString("base64url"),
  };
  // Production runs the app's own server (server.mjs: Next's request handler behind the refusals
  // and timeouts Next cannot configure); development keeps `next dev`.
  const [command, args] =
    mode === "start"
      ? [process.execPath, [join(BFF, "server.mjs"), "-H", HOST, "-p", String(appPort)]]
      : [join(BFF, "node_modules", ".bin", "next"), ["dev", "-H", HOST, "-p", String(appPort)]];
  const next = spawn(command, args, { cwd: BFF, env, stdio: "inherit" });
  children.add(next);
  next.on("exit", (code) => {
    if (!stopping) console.error(`the app stopped (exit ${code}); stopping the emulator`);
    stop(code ?? 1);
  });
  console.info(`CreditKit demo: ${publicUrl} (Paygentic emulator at ${emulatorUrl}). Ctrl-C stops both.`);
  console.info(`Support console: ${publicUrl}/admin, staff password ${env.CREDITKIT_DEMO_ADMIN_PASSWORD}`);
}
