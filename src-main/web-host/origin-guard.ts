/**
 * The web host listens on loopback only, but a page on any website can still make the browser
 * send requests to 127.0.0.1, and DNS rebinding can make a foreign name resolve to it. So a
 * request is served only when its `Host` is our own loopback authority and, when an `Origin`
 * is sent, that origin is ours too.
 * https://developer.mozilla.org/docs/Web/Security/Attacks/DNS_rebinding (see "Mitigations")
 */
export function allowedAuthorities(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedAuthorities(port).has(host.toLowerCase());
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.origin === origin.toLowerCase() && allowedAuthorities(port).has(url.host);
}
