import type { StoredMessage } from './mail-store';

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function mailboxPage(messages: StoredMessage[]): string {
  const rows = messages
    .map(
      (
        m,
      ) => `<details><summary><time>${esc(m.receivedAt)}</time> · ${esc(m.envelope.to.join(', '))} · <strong>${esc(m.subject)}</strong></summary>
<pre>${esc(m.text)}</pre>${m.attachments.map((a) => `<p>Anhang: ${esc(a.filename ?? a.contentType)}</p>`).join('')}
<p><a href="/api/messages/${m.id}/raw">Quelltext</a></p></details>`,
    )
    .join('\n');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Quartiersnetz – Entwicklungs-Postfach</title>
<meta name="viewport" content="width=device-width"><meta http-equiv="refresh" content="10">
<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}pre{white-space:pre-wrap;background:#f4f4f4;padding:1em}</style></head>
<body><h1>Entwicklungs-Postfach</h1><p>${messages.length} Nachrichten (neueste zuerst). JSON: <a href="/api/messages">/api/messages</a></p>${rows}</body></html>`;
}
