import type { Transporter } from 'nodemailer';
import type { Config } from '@qn/config';
import { createMailTransport } from '@qn/mail';
import type { DkimKey } from '@qn/newsletter';

/**
 * The newsletter's own pooled SMTP transport: more sessions than the transactional mailer
 * (campaign throughput is bounded by SMTP round trips), and no signing of its own: messages
 * arrive built and DKIM-signed (packages/newsletter/src/mime/), the signature covering
 * List-Unsubscribe and List-Unsubscribe-Post as RFC 8058 asks.
 */
export function createNewsletterTransport(
  config: Pick<Config, 'SMTP_URL'>,
  opts: { maxConnections?: number } = {},
): Transporter {
  return createMailTransport(config.SMTP_URL, { maxConnections: opts.maxConnections ?? 8 });
}

/** The DKIM key from config, when all three variables are set. */
export function dkimKeyOf(
  config: Pick<Config, 'DKIM_DOMAIN' | 'DKIM_SELECTOR' | 'DKIM_PRIVATE_KEY'>,
): DkimKey | undefined {
  return config.DKIM_DOMAIN && config.DKIM_SELECTOR && config.DKIM_PRIVATE_KEY
    ? {
        domainName: config.DKIM_DOMAIN,
        keySelector: config.DKIM_SELECTOR,
        privateKey: config.DKIM_PRIVATE_KEY,
      }
    : undefined;
}
