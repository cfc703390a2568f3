import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Producer } from '@qn/queue';

/** What the newsletter's domain functions need from the process, built once per process. */
export type NewsletterContext = {
  /** SECRET_KEY: address hashes (suppression list), link tokens. */
  secret: string;
  publicUrl: string;
  /** Default sender of campaigns and of the list's own mails. */
  mailFrom: string;
  officeName: string;
  /** When set, a campaign's sender must be of this domain (DMARC alignment of the signature). */
  dkimDomain?: string;
  redis: Redis;
  /** Prefix of the Redis keys of locks and counters (the queue prefix, so tests stay apart). */
  keyPrefix: string;
  producer: Producer;
};

export function newsletterContext(
  config: Pick<Config, 'SECRET_KEY' | 'PUBLIC_URL' | 'MAIL_FROM' | 'QUEUE_PREFIX' | 'DKIM_DOMAIN'> &
    Partial<Pick<Config, 'DKIM_SELECTOR' | 'DKIM_PRIVATE_KEY'>>,
  redis: Redis,
  producer: Producer,
): NewsletterContext {
  return {
    secret: config.SECRET_KEY,
    publicUrl: config.PUBLIC_URL.replace(/\/$/, ''),
    mailFrom: config.MAIL_FROM,
    officeName: 'Landratsamt Esslingen · Koordination Quartier',
    dkimDomain:
      config.DKIM_DOMAIN && config.DKIM_SELECTOR && config.DKIM_PRIVATE_KEY ? config.DKIM_DOMAIN : undefined,
    redis,
    keyPrefix: config.QUEUE_PREFIX,
    producer,
  };
}
