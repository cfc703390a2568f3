import { createServer, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import express from 'express';
import { MailStore } from './mail-store';
import { mailboxPage } from './mailbox-page';

export type Mailbox = { smtpPort: number; httpPort: number; store: MailStore; stop: () => Promise<void> };

export type MailboxOptions = {
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  /** Answer every RCPT with this SMTP code (tests of relay outages), or null to accept. */
  rejectWith?: () => number | null;
  /** How long `stop()` lets open SMTP sessions (a client's pool) finish; smtp-server's default is 30 s. */
  closeTimeoutMs?: number;
};

/**
 * The project's dev mailbox: real SMTP on loopback (smtp-server), messages parsed with
 * mailparser and kept in memory, a JSON API for tests and a small page for people.
 */
export async function startMailbox(opts: MailboxOptions = {}): Promise<Mailbox> {
  const host = opts.host ?? '127.0.0.1';
  const store = new MailStore();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    closeTimeout: opts.closeTimeoutMs,
    onRcptTo(_addr, _session, cb) {
      const code = opts.rejectWith?.();
      if (code) {
        const err = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
          responseCode: code,
        });
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        try {
          const parsed = await simpleParser(raw);
          store.add(
            parsed,
            {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            raw.toString('utf8'),
          );
          cb();
        } catch (err) {
          cb(err as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(opts.smtpPort ?? 2525, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as { port: number }).port;
  // smtp-server re-emits each client's socket error (a sender killed mid-transaction resets
  // its connection); unhandled, that 'error' event would take down the whole mailbox process.
  smtp.on('error', () => {});

  const app = express();
  app.get('/api/messages', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const list = store.list({ to: q.to, subject: q.subject, since: q.since ? Number(q.since) : undefined });
    res.json(list.map(({ raw: _raw, ...m }) => m));
  });
  app.get('/api/messages/:id', (req, res) => {
    const m = store.get(Number(req.params.id));
    if (!m) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.json(m);
  });
  app.get('/api/messages/:id/raw', (req, res) => {
    const m = store.get(Number(req.params.id));
    if (!m) {
      res.status(404).end();
      return;
    }
    res.type('message/rfc822').send(m.raw);
  });
  app.delete('/api/messages', (_req, res) => {
    store.clear();
    res.status(204).end();
  });
  app.get('/', (_req, res) => {
    res.type('html').send(mailboxPage(store.list().slice(-200).reverse()));
  });
  const http: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.httpPort ?? 1080, host, () => resolve());
  });
  const httpPort = (http.address() as { port: number }).port;

  return {
    smtpPort,
    httpPort,
    store,
    stop: async () => {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
