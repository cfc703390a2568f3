import { generateKeyPairSync } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { authenticate } from 'mailauth';
import { buildMimeMessage } from './build-mime-message';
import { encodeQuotedPrintable } from './quoted-printable';
import { encodeWords, foldHeader } from './header-encoding';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const pub = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

const text = [
  'Grüße aus Köngen – 😀 und ein = Zeichen.',
  'Zeile mit Leerzeichen am Ende   ',
  'Tab\there, and  two   runs of spaces',
  '.Punkt am Zeilenanfang',
  'From Anfang wie mbox',
  'x'.repeat(200),
  'Ä'.repeat(60),
].join('\n');
const html = `<p>${'Langer HTML-Absatz mit Umlauten äöü und &amp; Entitäten. '.repeat(20)}</p>\n<a href="https://example.org/?a=1&amp;b=2">Link</a>`;
const url = `https://quartier.example.org/api/newsletter/u/u.LIST_id-1.${'a'.repeat(64)}.macmacmacmacmacmacmac0`;

async function build(dkim = true) {
  return buildMimeMessage(
    {
      from: { name: 'Koordination Quartier', address: 'quartier@example.org' },
      to: { name: 'Zoë Müller-Lüdenscheidt, Dr.', address: 'zoe@example.org' },
      subject:
        'Neues aus den Quartieren – Ausgabe März ✓ mit einem recht langen Betreff, der umgebrochen wird',
      messageId: '<nl.c1.abc@example.org>',
      headers: [
        ['List-Unsubscribe', `<${url}>, <mailto:quartier@example.org?subject=abmelden%20u.tok>`],
        ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
        ['List-Id', '<LIST_id-1.newsletter.example.org>'],
      ],
      text,
      html,
    },
    dkim ? { domainName: 'example.org', keySelector: 'sel', privateKey: pem } : undefined,
  );
}

describe('buildMimeMessage', () => {
  it('parses back to the same text, HTML, names and headers', async () => {
    const raw = await build();
    expect([...raw].every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b <= 126))).toBe(true); // 7-bit clean
    for (const line of raw.toString('latin1').split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    const m = await simpleParser(raw);
    expect(m.text).toBe(text.replace(/ +$/gm, (s) => s)); // trailing spaces survive QP
    expect(m.html).toBe(html);
    expect(m.subject).toBe(
      'Neues aus den Quartieren – Ausgabe März ✓ mit einem recht langen Betreff, der umgebrochen wird',
    );
    expect(m.to && !Array.isArray(m.to) && m.to.value[0]).toEqual({
      name: 'Zoë Müller-Lüdenscheidt, Dr.',
      address: 'zoe@example.org',
    });
    expect(m.headerLines.map((l) => l.key)).toEqual(
      expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'list-id', 'dkim-signature']),
    );
    expect(m.messageId).toBe('<nl.c1.abc@example.org>');
    // The URL comes through whole, folding only between the two <…>.
    expect(raw.toString('latin1')).toContain(`<${url}>`);
  });

  it('is signed so that mailauth verifies it, over both List-Unsubscribe headers', async () => {
    const raw = await build();
    const res = await authenticate(raw, {
      ip: '127.0.0.1',
      helo: 'localhost',
      sender: 'quartier@example.org',
      disableArc: true,
      disableBimi: true,
      resolver: async (name: string, rr: string) => {
        if (rr === 'TXT' && name === 'sel._domainkey.example.org') return [[`v=DKIM1; k=rsa; p=${pub}`]];
        throw Object.assign(new Error('none'), { code: 'ENOTFOUND' });
      },
    });
    expect(res.dkim.results[0]!.status.result).toBe('pass');
    const h = raw
      .toString('latin1')
      .replace(/\r\n[ \t]+/g, ' ')
      .match(/^DKIM-Signature:.*\bh=([^;]+)/m)![1]!
      .replace(/\s/g, '')
      .toLowerCase()
      .split(':');
    expect(h).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'subject',
        'list-unsubscribe',
        'list-unsubscribe-post',
        'list-id',
      ]),
    );
    // Tampering with the one-click header breaks it.
    const tampered = Buffer.from(
      raw.toString('latin1').replace('List-Unsubscribe=One-Click', 'List-Unsubscribe=One-Clack'),
      'latin1',
    );
    const bad = await authenticate(tampered, {
      ip: '127.0.0.1',
      helo: 'localhost',
      sender: 'quartier@example.org',
      disableArc: true,
      disableBimi: true,
      resolver: async (name: string, rr: string) => {
        if (rr === 'TXT' && name === 'sel._domainkey.example.org') return [[`v=DKIM1; k=rsa; p=${pub}`]];
        throw Object.assign(new Error('none'), { code: 'ENOTFOUND' });
      },
    });
    expect(bad.dkim.results[0]!.status.result).toBe('fail');
  });
});

describe('encoders', () => {
  it('quoted-printable survives its worst case and inputs larger than its scratch space', () => {
    for (const text of ['ä'.repeat(40_000), '\t'.repeat(70_000), 'x'.repeat(200_000)]) {
      const out = encodeQuotedPrintable(text);
      expect(out.split('\r\n').every((l) => l.length <= 76)).toBe(true);
      const decoded = Buffer.from(
        out
          .replace(/=\r\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
      expect(decoded).toBe(text);
    }
  });

  it('quoted-printable keeps lines at 76 and encodes what it must', () => {
    const out = encodeQuotedPrintable(`a=b äö ${'y'.repeat(100)} \nend `);
    expect(out).toContain('a=3Db =C3=A4=C3=B6');
    expect(out.split('\r\n').every((l) => l.length <= 76)).toBe(true);
    expect(out.endsWith('end=20')).toBe(true);
  });
  it('encodes non-ASCII header text as UTF-8 words and folds at spaces only', () => {
    expect(encodeWords('plain')).toBe('plain');
    expect(encodeWords('Grüße')).toBe(`=?UTF-8?B?${Buffer.from('Grüße').toString('base64')}?=`);
    const folded = foldHeader('List-Unsubscribe', `<${'u'.repeat(120)}>, <mailto:a@example.org>`);
    expect(folded).toBe(`List-Unsubscribe: <${'u'.repeat(120)}>,\r\n <mailto:a@example.org>`);
  });
});
