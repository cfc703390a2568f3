import { renderExportHtml } from './render-export-html';
import type { PersonalDataExport } from './export-personal-data';

const text = (s: string) => ({ de: s, en: s });

function exportWith(sections: PersonalDataExport['sections']): PersonalDataExport {
  return {
    format: 'quartiersnetz-personal-data-export',
    version: 1,
    generatedAt: '2026-11-25T12:00:00.000Z',
    controller: { name: 'Amt', address: 'Straße 1', email: 'amt@example.org', dataProtectionOfficer: 'DSB' },
    subject: { email: 'erika@example.org' },
    searched: ['registrations'],
    sections,
    consentTexts: [],
  };
}

describe('renderExportHtml', () => {
  // Art. 15(1)(e): the answer names the right to rectification and how to use it.
  it('says how to correct what is stored, in both languages', () => {
    const section = {
      holder: 'registrations',
      activity: 'events' as const,
      category: text('Anmeldungen'),
      purpose: text('p'),
      legalBasis: text('l'),
      source: text('s'),
      recipients: text('r'),
      retention: { text: text('90 Tage') },
      records: [{ id: 'r1', name: 'Erika' }],
    } satisfies PersonalDataExport['sections'][number];
    expect(renderExportHtml(exportWith([section]), 'de')).toContain(
      'berichtigen Sie es selbst (Art. 16 DSGVO)',
    );
    expect(renderExportHtml(exportWith([section]), 'en')).toContain('correct it yourself (Art. 16 GDPR)');
    expect(renderExportHtml(exportWith([]), 'de')).not.toContain('Art. 16');
  });
});
