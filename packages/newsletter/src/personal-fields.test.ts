import { compileCampaign, renderForRecipient } from './render-campaign';
import { assertKnownPersonalFields, compileFields, fillFields, personalFieldIssues } from './personal-fields';
import { escapeHtml } from '@qn/mail';
import { createList } from './lists';

const ctx = {
  publicUrl: 'https://q.example',
  officeName: 'Office',
  secret: 'a-secret-that-is-long-enough-for-tests-123',
};

describe('personal fields', () => {
  it('fills {{name}} per recipient, escaped in HTML, and drops it with its blank when there is none', () => {
    const parts = compileFields('Guten Tag {{ name }}, schön!');
    expect(fillFields(parts, { name: 'Anna <b>' }, escapeHtml)).toBe('Guten Tag Anna &lt;b&gt;, schön!');
    expect(fillFields(parts, {})).toBe('Guten Tag, schön!');
    expect(fillFields(parts, { name: '  ' })).toBe('Guten Tag, schön!');
    expect(fillFields(compileFields('ohne Feld'), { name: 'x' })).toBe('ohne Feld');
  });

  it('names unknown placeholders per form field and lets known ones through', () => {
    expect(
      personalFieldIssues({ subject: 'Hallo {{name}}', bodyMarkdown: 'Hallo {{vorname}} {{ort}}' }),
    ).toEqual([
      {
        field: 'bodyMarkdown',
        message: 'Die Platzhalter {{vorname}}, {{ort}} sind unbekannt; erlaubt ist {{name}}.',
      },
    ]);
    expect(() => assertKnownPersonalFields({ subject: 'Neu: {{Vorname}}' })).toThrow(
      'Der Platzhalter {{Vorname}} ist unbekannt; erlaubt ist {{name}}.',
    );
    expect(() => assertKnownPersonalFields({ subject: '{{name}}', bodyMarkdown: undefined })).not.toThrow();
  });

  it('fills subject, preheader, HTML and text of a campaign mail', () => {
    const cc = compileCampaign(
      {
        _id: 'c1',
        subject: 'Neuigkeiten für {{name}}',
        preheader: 'Für {{name}}',
        from: { name: 'Office', email: 'office@example.org' },
        lang: 'de',
        bodyMarkdown: 'Guten Tag {{name}},\n\n**Willkommen**',
      },
      ctx,
    );
    const anna = renderForRecipient(cc, { name: 'Anna & Co', unsubscribeUrl: 'https://q.example/u' });
    expect(anna.subject).toBe('Neuigkeiten für Anna & Co');
    expect(anna.html).toContain('<p>Guten Tag Anna &amp; Co,</p>');
    expect(anna.html).toContain('Für Anna &amp; Co');
    expect(anna.text).toContain('Guten Tag Anna & Co,');
    const nobody = renderForRecipient(cc, { unsubscribeUrl: 'https://q.example/u' });
    expect(nobody.subject).toBe('Neuigkeiten für');
    expect(nobody.html).toContain('<p>Guten Tag,</p>');
    expect(nobody.text).toContain('Guten Tag,');
    expect(nobody.html).not.toContain('{{');
  });
});

describe('welcome mail placeholders', () => {
  it('are refused at save like a campaign’s', async () => {
    await expect(
      createList({ name: 'L', welcome: { enabled: true, bodyMarkdown: 'Hallo {{vorname}}' } }),
    ).rejects.toThrow('Der Platzhalter {{vorname}} ist unbekannt; erlaubt ist {{name}}.');
  });
});
