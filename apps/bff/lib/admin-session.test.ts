import { describe, expect, it } from "vitest";
import { ADMIN_COOKIE, adminSessions, isAdminPassword, parseAdminSession, signAdminSession } from "./admin-session.ts";
import { EnvError, parseEnv } from "./env.ts";
import { SESSION_COOKIE, signSession } from "./session.ts";

const SECRET = "a-session-secret-of-at-least-32-chars!";

describe("the demo's staff session", () => {
  it("round-trips in its own cookie", () => {
    const header = `${ADMIN_COOKIE}=${signAdminSession(SECRET)}`;
    expect(parseAdminSession(header, SECRET)?.customer).toBe("demo-admin");
    expect(adminSessions(header, SECRET)).toHaveLength(1);
  });

  it("is never a customer's session, copied into the staff cookie or not", () => {
    const customer = signSession("acme-alice", SECRET);
    expect(parseAdminSession(`${SESSION_COOKIE}=${customer}`, SECRET)).toBeNull();
    expect(parseAdminSession(`${ADMIN_COOKIE}=${customer}`, SECRET)).toBeNull();
    // …nor the other way round: a staff cookie is no customer session.
    const staff = signAdminSession(SECRET);
    expect(parseAdminSession(`${ADMIN_COOKIE}=${staff}; ${ADMIN_COOKIE}=${staff}`, SECRET)).toBeNull();
  });

  it("checks the password exactly", () => {
    expect(isAdminPassword("correct horse battery", "correct horse battery")).toBe(true);
    expect(isAdminPassword("correct horse batter", "correct horse battery")).toBe(false);
    expect(isAdminPassword("", "correct horse battery")).toBe(false);
  });

  it("is off unless CREDITKIT_DEMO_ADMIN_PASSWORD is set, and refuses a short one", () => {
    const env = {
      PAYGENTIC_API_KEY: "sk_live_realKey456",
      PAYGENTIC_BASE_URL: "https://api.paygentic.io",
      CREDITKIT_PUBLIC_URL: "https://app.example.com",
      SESSION_SECRET: "s".repeat(40),
      PAYMENT_HOSTS: "https://checkout.paygentic.io",
    };
    expect(parseEnv(env, { development: false }).demoAdminPassword).toBeUndefined();
    expect(
      parseEnv({ ...env, CREDITKIT_DEMO_ADMIN_PASSWORD: "staff-password-1" }, { development: false }),
    ).toMatchObject({ demoAdminPassword: "staff-password-1" });
    expect(() => parseEnv({ ...env, CREDITKIT_DEMO_ADMIN_PASSWORD: "short" }, { development: false })).toThrow(
      EnvError,
    );
  });
});
