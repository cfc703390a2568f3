import nodemailer, { type Transporter } from 'nodemailer';

export type DkimOptions = { domainName: string; keySelector: string; privateKey: string };

/**
 * A pooled SMTP transport. The pool keeps a few sessions open so a burst of mails reuses
 * connections instead of paying a handshake each.
 */
export function createMailTransport(
  smtpUrl: string,
  opts: { dkim?: DkimOptions; maxConnections?: number } = {},
): Transporter {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    pool: true,
    maxConnections: opts.maxConnections ?? 5,
    maxMessages: Infinity,
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    // Loopback dev mailboxes speak plain SMTP; real relays negotiate STARTTLS.
    ignoreTLS:
      url.searchParams.get('tls') === 'off' || ['127.0.0.1', 'localhost', '::1'].includes(url.hostname),
    dkim: opts.dkim,
    connectionTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** SMTP replies 4xx are temporary (retry), 5xx permanent; nodemailer puts the code on the error. */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: number })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
