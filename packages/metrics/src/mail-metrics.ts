import { Counter } from 'prom-client';
import { processRegistry } from './process-registry';

let sent: Counter<'kind'> | undefined;
let failed: Counter<'kind' | 'permanent'> | undefined;

/**
 * Counts the mailer's outcomes by mail kind (`registration-confirmed`, `newsletter`, …).
 * `failed` with `permanent="false"` is an attempt that will be retried (SMTP 4xx, network),
 * `permanent="true"` a mail given up (SMTP 5xx).
 */
export function countMail(
  kind: string,
  outcome: 'sent' | 'failed',
  opts: { permanent?: boolean } = {},
): void {
  const reg = processRegistry();
  if (outcome === 'sent') {
    sent ??= new Counter({
      name: 'qn_mails_sent_total',
      help: 'Mails handed to the relay, by kind',
      labelNames: ['kind'],
      registers: [reg],
    });
    sent.inc({ kind });
  } else {
    failed ??= new Counter({
      name: 'qn_mails_failed_total',
      help: 'Mail attempts that failed, by kind; permanent="true" ones are given up',
      labelNames: ['kind', 'permanent'],
      registers: [reg],
    });
    failed.inc({ kind, permanent: String(opts.permanent ?? false) });
  }
}
