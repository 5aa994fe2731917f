/**
 * Parsing of the email settings: the public URL links point at, the SMTP server and the From
 * address. Each parser throws an `Error` whose message names the setting, for the CLI to print.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `hostname` (as `URL.hostname` gives it) is this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * The dashboard's public address, normalised to end with `/`: `https:`, or `http:` on
 * localhost; no credentials, query or fragment (links append `#/accept?token=…`).
 */
export function parsePublicUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`publicUrl must be an absolute URL such as https://dashboard.example.com, got '${raw}'`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new Error(`publicUrl must use https: (http: only on localhost), got '${raw}'`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`publicUrl must have no credentials, query or fragment, got '${raw}'`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** An SMTP server as `smtp://user:pass@host:port` or `smtps://…` describes it. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** `smtps:` — TLS from the first byte (port 465 by default); `smtp:` upgrades with STARTTLS. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /**
   * STARTTLS is required: credentials never cross the network in clear, so an `smtp:` URL with a
   * user on another host than this machine needs the server to offer STARTTLS.
   */
  requireTLS: boolean;
}

/** Parses `smtp://[user:pass@]host[:port]` (port 587 by default) or `smtps://…` (465). */
export function parseSmtpUrl(raw: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('smtpUrl must look like smtp://user:password@host:587 or smtps://user:password@host:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`smtpUrl must start with smtp:// or smtps://, got '${url.protocol}//'`);
  }
  if (!url.hostname) throw new Error('smtpUrl must name a host');
  if (url.pathname && url.pathname !== '/') throw new Error('smtpUrl must have no path');
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return {
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    requireTLS: !secure && Boolean(user) && !isLoopbackHost(url.hostname),
  };
}

/** A bare address for `From:` (`no-reply@example.com`); the display name is the tenant's brand. */
export function parseEmailAddress(raw: string): string {
  // One @, no spaces, quotes, angle brackets or control characters: nothing a header could break on.
  if (!/^[^\s@<>"(),;:\\[\]\p{Cc}]+@[^\s@<>"(),;:\\[\]\p{Cc}]+$/u.test(raw) || raw.length > 254) {
    throw new Error(`emailFrom must be a bare address such as no-reply@example.com, got '${raw}'`);
  }
  return raw;
}
