import { inboundHookSecret } from '@qn/service-ops';
import { Subscription } from '@qn/funding';
import { Subscriber } from '@qn/newsletter';
import { waitForMail, type ReceivedMail } from '@qn/testing';
import { admin, apiPathOf, startStack, type Stack } from '../newsletter/support';
import { programmeBody } from '../funding/support/funding-stack';
import { tokenIn } from '../funding/support/links';

/**
 * Mail into the system on the real stack: what a reader's mail program sends back to the
 * mailto of List-Unsubscribe, read off a mail that really went through the mailbox, piped
 * into the intake as the office's mail server would.
 */
let s: Stack;
let intake: string;

beforeAll(async () => {
  s = await startStack('inbound');
  intake = `/api/inbound/${inboundHookSecret(s.config.SECRET_KEY)}`;
});
afterAll(() => s.stop());

const addr = (label: string) => `${label}-${s.db}@example.org`;

/** The message a mail program writes for a mailto: URI (RFC 6068), as the server receives it. */
function replyToMailto(mail: ReceivedMail, from: string): string {
  const mailto = /<(mailto:[^>]+)>/.exec(mail.headers['list-unsubscribe']!.replace(/\s+/g, ''))![1]!;
  const url = new URL(mailto);
  return [
    `From: ${from}`,
    `To: ${url.pathname}`,
    `Subject: ${url.searchParams.get('subject')}`,
    'Date: Wed, 25 Nov 2026 10:00:00 +0100',
    'Message-ID: <reply-1@example.org>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Bitte abmelden.',
    '',
  ].join('\r\n');
}

async function pipeIn(raw: string, path = intake) {
  return s.http.post(path).set('Content-Type', 'message/rfc822').send(raw);
}

describe('inbound mail', () => {
  it('ends a newsletter subscription from a reply to its mailto, and only that one', async () => {
    const list = await s.http
      .post('/api/newsletter/lists')
      .set(admin)
      .send({
        name: 'Quartiersnetz aktuell',
        welcome: {
          enabled: true,
          subject: 'Willkommen im Quartiersnetz',
          bodyMarkdown: 'Schön, dass Sie dabei sind.',
        },
      });
    const email = addr('leserin');
    await s.http
      .post(`/api/newsletter/lists/${list.body.id}/subscribe`)
      .send({ email, name: 'Lea Leserin', consent: true })
      .expect(202);
    const [ask] = await waitForMail({ to: email, subject: 'Bitte bestätigen' });
    await s.http.post(apiPathOf(ask!.text, 'confirm')).expect(200);
    const [welcome] = await waitForMail({ to: email, subject: 'Willkommen im Quartiersnetz' });

    // Forged: a well-formed subject with a token nobody signed changes nothing.
    const forged = replyToMailto(welcome!, email).replace(
      /abmelden \S+/,
      'abmelden u.0123456789abcdef.forged-token-xyz',
    );
    expect((await pipeIn(forged)).body).toEqual({ outcome: 'unknown-token' });
    expect((await Subscriber.findOne({ email }).lean())!.status).toBe('confirmed');

    const res = await pipeIn(replyToMailto(welcome!, email));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ outcome: 'unsubscribed', domain: 'newsletter' });
    expect((await Subscriber.findOne({ email }).lean())!.status).toBe('unsubscribed');
    // The mail server may deliver twice; the second changes nothing.
    expect((await pipeIn(replyToMailto(welcome!, email))).body).toEqual({
      outcome: 'unsubscribed',
      domain: 'newsletter',
    });
  });

  it('ends a funding-alert subscription from a reply to an alert mail', async () => {
    const email = addr('traegerin');
    await s.http
      .post('/api/funding/subscriptions')
      .send({ email, consent: true, filters: { fieldsOfAction: ['teilhabe'] } })
      .expect(202);
    const [ask] = await waitForMail({ to: email, subject: 'Bitte bestätigen' });
    await s.http.post(`/api/funding/subscriptions/confirm/${tokenIn(ask!, 'confirm')}`).expect(200);
    const title = `Inbound-Test ${s.db}`;
    const created = await s.http.post('/api/funding/programmes').set(admin).send(programmeBody({ title }));
    expect(created.status).toBe(201);
    await s.http.post(`/api/funding/programmes/${created.body.id}/publish`).set(admin).expect(200);
    const [alert] = await waitForMail({ to: email, subject: title }, { timeoutMs: 30_000 });

    const res = await pipeIn(
      replyToMailto(alert!, `Antwort <${email}>`).replace('Subject: ', 'Subject: AW: '),
    );
    expect(res.body).toEqual({ outcome: 'unsubscribed', domain: 'funding' });
    expect((await Subscription.findOne({ email }).lean())!.status).toBe('unsubscribed');
  });

  it('records a delivery report as a bounce, ignores other mail, and refuses a wrong secret', async () => {
    const dsn = [
      'From: MAILER-DAEMON@relay.example.org',
      'To: quartier@example.org',
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; relay.example.org',
      '',
      `Final-Recipient: rfc822; ${addr('gone')}`,
      'Action: failed',
      'Status: 5.1.1',
      '',
      '--b--',
      '',
    ].join('\r\n');
    expect((await pipeIn(dsn)).body).toEqual({ outcome: 'bounces', events: 1 });
    const chat = 'From: a@example.org\r\nSubject: Frage zum Fachtag\r\n\r\nGibt es noch Plätze?\r\n';
    expect((await pipeIn(chat)).body).toEqual({ outcome: 'ignored' });
    const wrong = await pipeIn(chat, '/api/inbound/not-the-secret');
    expect(wrong.status).toBe(404);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
    const hook = await s.http.get('/api/inbound/hook').set(admin);
    expect(hook.body.url).toBe(`${s.config.PUBLIC_URL}${intake}`);
    expect((await s.http.get('/api/inbound/hook')).status).toBe(401);
  });
});
