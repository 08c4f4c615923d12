/**
 * True for an http(s) origin and nothing more: scheme, host and optional port, no path, query or
 * trailing slash ("https://shop.example.com"). The one check behind `publicOrigin`, `paymentHosts`
 * and the reference app's CREDITKIT_PUBLIC_URL / PAYMENT_HOSTS, so config and environment agree.
 */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}
