/**
 * Signs a demo customer in the way the sign-in page does (same-origin JSON POST) and returns the
 * Cookie header value of their session.
 */
export async function signIn(appUrl: string, externalId: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/demo/session`, {
    method: "POST",
    headers: { origin: appUrl, "content-type": "application/json", "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ customer: externalId }),
  });
  const text = await res.text();
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!res.ok || !cookie) throw new Error(`signing in ${externalId} answered ${res.status}: ${text}`);
  return cookie;
}
