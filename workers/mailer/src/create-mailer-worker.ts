import type { Transporter } from 'nodemailer';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@qn/log';
import { createWorker, QueueName, UnrecoverableError } from '@qn/queue';
import { deliverOnce, isPermanentSmtpError, renderMail, MailLedger } from '@qn/mail';
import type { Config } from '@qn/config';
import { countMail } from '@qn/metrics';
import { footerOf } from './footer';

export type MailerDeps = {
  config: Config;
  connection: Redis;
  logger: Logger;
  transport: Transporter;
  concurrency?: number;
};

/**
 * Consumes the mail queue. Every message goes through the ledger (deliverOnce), so a retried
 * or duplicated job never mails twice; SMTP 5xx is final, 4xx and network errors retry.
 */
/**
 * Every mail this worker sends is written by the system, not by a person (RFC 3834): vacation
 * responders and ticket systems must not answer it.
 */
const SYSTEM_MAIL_HEADERS = { 'Auto-Submitted': 'auto-generated' } as const;

/**
 * An invitation twice, both `text/calendar` with its METHOD: as the alternative part mail
 * clients turn into "add to calendar", and as the .ics attachment people can open.
 * (nodemailer's `icalEvent` labels the attachment `application/ics`, which calendar
 * programs do not take for an invitation.)
 */
function calendarParts(ical: { method: string; filename: string; content: string } | undefined) {
  if (!ical) return {};
  const contentType = `text/calendar; charset=utf-8; method=${ical.method}`;
  return {
    alternatives: [{ contentType, content: ical.content }],
    attachments: [{ contentType, content: ical.content, filename: ical.filename }],
  };
}

export function createMailerWorker(deps: MailerDeps): Worker {
  const from = deps.config.MAIL_FROM;
  return createWorker({
    queue: QueueName.mail,
    connection: deps.connection,
    prefix: deps.config.QUEUE_PREFIX,
    logger: deps.logger,
    concurrency: deps.concurrency ?? 10,
    lockDuration: deps.config.WORKER_LOCK_MS,
    stalledInterval: deps.config.WORKER_STALLED_INTERVAL_MS,
    handlers: {
      'mail.send': async (p, { job, log }) => {
        try {
          const result = await deliverOnce(deps.transport, {
            ledgerKey: p.ledgerKey,
            kind: p.kind,
            owner: String(job.id),
            message: {
              from,
              to: p.to,
              subject: p.subject,
              text: p.text,
              html: p.html,
              headers: { ...SYSTEM_MAIL_HEADERS, ...p.headers },
              ...calendarParts(p.ical),
            },
          });
          if (result === 'sent') countMail(p.kind, 'sent');
          log.debug({ kind: p.kind, result }, 'mail handled');
        } catch (err) {
          countMail(p.kind, 'failed', { permanent: isPermanentSmtpError(err) });
          if (isPermanentSmtpError(err)) {
            await MailLedger.updateOne(
              { _id: p.ledgerKey },
              { $set: { status: 'failed', error: (err as Error).message } },
            );
            throw new UnrecoverableError(`permanent SMTP failure: ${(err as Error).message}`);
          }
          throw err;
        }
      },
      'smoke.ping': async (p, { job }) => {
        const body = renderMail({
          greeting: 'Hallo,',
          blocks: [
            {
              type: 'p',
              text: 'dies ist eine Testnachricht von Quartiersnetz. Der Weg Web → Datenbank → Warteschlange → Mail funktioniert.',
            },
            { type: 'facts', rows: [['Nachricht', p.message]] },
          ],
          footer: footerOf(deps.config),
        });
        try {
          const result = await deliverOnce(deps.transport, {
            ledgerKey: `smoke:${p.pingId}`,
            kind: 'smoke',
            owner: String(job.id),
            message: {
              from,
              to: p.to,
              subject: 'Quartiersnetz: Testnachricht',
              headers: SYSTEM_MAIL_HEADERS,
              ...body,
            },
          });
          if (result === 'sent') countMail('smoke', 'sent');
        } catch (err) {
          countMail('smoke', 'failed', { permanent: isPermanentSmtpError(err) });
          throw err;
        }
      },
    },
  });
}
