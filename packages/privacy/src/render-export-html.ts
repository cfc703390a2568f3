import { escapeHtml } from '@qn/mail';
import type { PersonalDataExport } from './export-personal-data';
import type { Lang } from './types';

const labels = {
  de: {
    title: 'Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)',
    intro: (email: string, at: string) =>
      `Diese Auskunft nennt alle Daten, die Quartiersnetz am ${at} zur Adresse ${email} gespeichert hatte.`,
    controller: 'Verantwortlich',
    dpo: 'Datenschutzbeauftragte/r',
    purpose: 'Zweck',
    legalBasis: 'Rechtsgrundlage',
    source: 'Herkunft',
    recipients: 'Empfänger',
    retention: 'Speicherdauer',
    records: 'Datensätze',
    none: 'Zu dieser Adresse sind keine Daten gespeichert.',
    consent: 'Wortlaut Ihrer Einwilligungen',
    machine: 'Maschinenlesbare Fassung (JSON)',
    rights:
      'Ist etwas falsch, berichtigen Sie es selbst (Art. 16 DSGVO): Name, Organisation und Hinweise zur Barrierefreiheit einer Anmeldung über den persönlichen Link in der Anmeldebestätigung, Name und Angaben zum Newsletter über den Link „Abbestellen“ in jedem Newsletter. Beim Förderprogramm-Alarm ist nur die Adresse gespeichert. Eine neue Adresse: abmelden und neu anmelden. Löschung (Art. 17) können Sie unter /datenschutz/anfrage beantragen.',
  },
  en: {
    title: 'Your stored personal data (Art. 15 GDPR)',
    intro: (email: string, at: string) =>
      `This export lists all data Quartiersnetz held about ${email} on ${at}.`,
    controller: 'Controller',
    dpo: 'Data protection officer',
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    source: 'Source',
    recipients: 'Recipients',
    retention: 'Retention',
    records: 'Records',
    none: 'Nothing is stored about this address.',
    consent: 'Wording of your consents',
    machine: 'Machine-readable version (JSON)',
    rights:
      'If anything is wrong, correct it yourself (Art. 16 GDPR): the name, organisation and accessibility needs of a registration through the personal link in its confirmation, your newsletter name and details through the “unsubscribe” link in every newsletter. Funding alerts store only the address. A new address: unsubscribe and sign up again. You can ask for erasure (Art. 17) at /datenschutz/anfrage.',
  },
} as const;

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The readable summary of an export, with the complete JSON at its end: one file holds both. */
export function renderExportHtml(data: PersonalDataExport, lang: Lang = 'de'): string {
  const l = labels[lang];
  const e = escapeHtml;
  const parts: string[] = [
    `<h1>${e(l.title)}</h1>`,
    `<p>${e(l.intro(data.subject.email, data.generatedAt))}</p>`,
    `<p>${e(l.controller)}: ${e(data.controller.name)}, ${e(data.controller.address)}, ${e(data.controller.email)}<br>${e(l.dpo)}: ${e(data.controller.dataProtectionOfficer)}</p>`,
  ];
  if (data.sections.length === 0) parts.push(`<p>${e(l.none)}</p>`);
  else parts.push(`<p>${e(l.rights)}</p>`);
  for (const s of data.sections) {
    parts.push(
      `<section><h2>${e(s.category[lang])}</h2><dl>` +
        [
          [l.purpose, s.purpose[lang]],
          [l.legalBasis, s.legalBasis[lang]],
          [l.source, s.source[lang]],
          [l.recipients, s.recipients[lang]],
          [l.retention, s.retention.text[lang]],
        ]
          .map(([k, v]) => `<dt>${e(k!)}</dt><dd>${e(v!)}</dd>`)
          .join('') +
        `</dl><h3>${e(l.records)} (${s.records.length})</h3>` +
        s.records
          .map(
            (r) =>
              '<table><tbody>' +
              Object.entries(r)
                .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(valueText(v))}</td></tr>`)
                .join('') +
              '</tbody></table>',
          )
          .join('') +
        '</section>',
    );
  }
  if (data.consentTexts.length) {
    parts.push(
      `<h2>${e(l.consent)}</h2>` +
        data.consentTexts
          .map(
            (c) =>
              `<h3>${e(c.domain)} · ${e(c.version)}</h3><blockquote>${e(c.text[lang] ?? c.text.de)}</blockquote>`,
          )
          .join(''),
    );
  }
  parts.push(`<h2>${e(l.machine)}</h2><pre>${e(JSON.stringify(data, null, 2))}</pre>`);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(l.title)}</title><style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em;color:#111}table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}pre{white-space:pre-wrap;word-break:break-all}</style></head><body><main>${parts.join('\n')}</main></body></html>`;
}
