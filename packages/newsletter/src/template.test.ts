import { compileCampaign, greetingOf, renderForRecipient } from './render-campaign';
import { DEFAULT_TEMPLATE, validateTemplate } from './template';

describe('templates', () => {
  it('requires the content and unsubscribe placeholders and names unknown ones', () => {
    expect(validateTemplate(DEFAULT_TEMPLATE)).toEqual([]);
    expect(validateTemplate('<p>{{content}}</p>').map((i) => i.message)).toEqual([
      'Die Vorlage braucht den Platzhalter {{unsubscribe_url}} (Abmeldelink).',
    ]);
    expect(validateTemplate('{{content}}{{unsubscribe_url}}{{tracking_pixel}}')[0]!.message).toMatch(
      /tracking_pixel/,
    );
  });

  it('fills a template per recipient, escaping everything but the rendered content', () => {
    const cc = compileCampaign(
      {
        _id: 'c1',
        subject: 'A <b> & "B"',
        preheader: 'pre',
        from: { name: 'Office', email: 'office@example.org' },
        lang: 'de',
        bodyMarkdown: 'Hallo **Welt**',
        template: '<title>{{subject}}</title>{{greeting}}|{{content}}|<a href="{{unsubscribe_url}}">x</a>',
      },
      {
        publicUrl: 'https://q.example',
        officeName: 'Office',
        secret: 'a-secret-that-is-long-enough-for-tests-123',
      },
    );
    const out = renderForRecipient(cc, {
      name: 'Eva <Evil>',
      unsubscribeUrl: 'https://q.example/u/t?a=1&b=2',
    });
    expect(out.html).toBe(
      '<title>A &lt;b&gt; &amp; &quot;B&quot;</title>Hallo Eva &lt;Evil&gt;,|<p>Hallo <strong>Welt</strong></p>\n|<a href="https://q.example/u/t?a=1&amp;b=2">x</a>',
    );
    expect(out.text).toContain('Newsletter abbestellen: https://q.example/u/t?a=1&b=2');
  });

  it('greets by name where there is one', () => {
    expect(greetingOf('de', 'Anna')).toBe('Hallo Anna,');
    expect(greetingOf('de', '  ')).toBe('Guten Tag,');
    expect(greetingOf('en', 'Anna')).toBe('Hello Anna,');
    expect(greetingOf('en')).toBe('Hello,');
  });
});
