/**
 * The Content-Security-Policy both hosts send as a response header with every renderer file
 * (the Electron `app://` protocol and the loopback web host). A header, not a `<meta>` tag,
 * because `frame-ancestors` is ignored in `<meta>`
 * (https://www.w3.org/TR/CSP3/#meta-element) and because a header also covers non-HTML files.
 * Electron's checklist asks for exactly this:
 * https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 *
 * Why each directive:
 * - `default-src 'none'`: anything not listed below (frames, workers, media, manifests) is refused.
 * - `script-src 'self'`: the Vite build emits only external module scripts; no inline script,
 *   and never `'unsafe-eval'`.
 * - `style-src 'self'`: the built CSS files only. React's `style={…}` props do NOT need
 *   `'unsafe-inline'`: React writes them through the CSSOM (`element.style.setProperty`), which
 *   CSP does not restrict; only `style="…"` in parsed markup and `<style>` elements are blocked
 *   (https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/style-src#unsafe_inline_styles).
 *   So the receipt preview SVG (it carries a `<style>` element) is shown as an image
 *   (`<img src="blob:…">`), not inlined with `dangerouslySetInnerHTML`.
 * - `img-src 'self' data: blob:`: product pictures shipped with the app and generated receipt
 *   previews.
 * - `connect-src 'self'`: the web host's `/rpc`, `/rpc-socket` (CSP3: 'self' also matches ws: on
 *   the same host, https://www.w3.org/TR/CSP3/#match-url-to-source-expression) and `/events` (EventSource is governed by
 *   connect-src); Electron talks over IPC and needs nothing here.
 * - `base-uri`, `form-action`, `frame-ancestors`, `object-src` `'none'`: no `<base>` hijack, no
 *   form posts anywhere, no framing of the till by another page, no plugins.
 */
export interface ContentSecurityPolicyOptions {
  /** Extra `connect-src` sources, e.g. a dev server's origin. Each must be one CSP source token. */
  readonly connectSrc?: readonly string[];
}

/** A CSP source expression may not contain whitespace, `;` or `,` (they would start a new token, directive or policy). */
const SAFE_SOURCE = /^[^\s;,]+$/;

export function contentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const extraConnect = options.connectSrc ?? [];
  for (const source of extraConnect) {
    if (!SAFE_SOURCE.test(source)) throw new Error(`invalid connect-src source: ${JSON.stringify(source)}`);
  }
  const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...extraConnect]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
