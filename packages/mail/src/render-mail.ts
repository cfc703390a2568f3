/**
 * The layout of every system mail: plain text first (many county inboxes read text only),
 * a simple table-free HTML twin, and the legal footer that DSGVO/TMG ask for.
 */
export type MailBlock =
  | { type: 'p'; text: string }
  | { type: 'facts'; rows: [label: string, value: string][] }
  | { type: 'action'; label: string; url: string };

export type MailContent = {
  lang?: 'de' | 'en';
  greeting: string;
  blocks: MailBlock[];
  footer: { officeName: string; privacyUrl: string; imprintUrl: string; extra?: string[] };
};

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export function renderMail(c: MailContent): { text: string; html: string } {
  const lang = c.lang ?? 'de';
  const privacy = lang === 'de' ? 'Datenschutz' : 'Privacy';
  const imprint = lang === 'de' ? 'Impressum' : 'Legal notice';
  const text: string[] = [c.greeting, ''];
  const html: string[] = [`<p>${escapeHtml(c.greeting)}</p>`];
  for (const b of c.blocks) {
    if (b.type === 'p') {
      text.push(b.text, '');
      html.push(`<p>${escapeHtml(b.text).replace(/\n/g, '<br>')}</p>`);
    } else if (b.type === 'facts') {
      for (const [k, v] of b.rows) text.push(`${k}: ${v}`);
      text.push('');
      html.push(
        '<dl>' +
          b.rows
            .map(([k, v]) => `<dt><strong>${escapeHtml(k)}</strong></dt><dd>${escapeHtml(v)}</dd>`)
            .join('') +
          '</dl>',
      );
    } else {
      text.push(`${b.label}: ${b.url}`, '');
      html.push(`<p><a href="${escapeHtml(b.url)}">${escapeHtml(b.label)}</a></p>`);
    }
  }
  const footer = [
    c.footer.officeName,
    ...(c.footer.extra ?? []),
    `${privacy}: ${c.footer.privacyUrl}`,
    `${imprint}: ${c.footer.imprintUrl}`,
  ];
  text.push('-- ', ...footer);
  html.push(
    `<hr><p style="font-size:0.9em;color:#444">${[
      escapeHtml(c.footer.officeName),
      ...(c.footer.extra ?? []).map(escapeHtml),
      `<a href="${escapeHtml(c.footer.privacyUrl)}">${privacy}</a> · <a href="${escapeHtml(c.footer.imprintUrl)}">${imprint}</a>`,
    ].join('<br>')}</p>`,
  );
  const doc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="font-family:sans-serif;max-width:40em;margin:auto;padding:1em;color:#111">${html.join('\n')}</body></html>`;
  return { text: text.join('\n'), html: doc };
}
