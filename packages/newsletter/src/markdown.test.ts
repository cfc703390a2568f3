import { markdownLinks, markdownToHtml, markdownToText } from './markdown';

describe('markdownToHtml', () => {
  it('renders Markdown and shows raw HTML as text', () => {
    const html = markdownToHtml('**fett** <b onclick="x()">roh</b>\n\n<div><script>alert(1)</script></div>');
    expect(html).toContain('<strong>fett</strong>');
    expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;roh&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|<div|<b /);
  });

  it('keeps only http(s) and mailto links and https images', () => {
    const html = markdownToHtml(
      '[a](https://example.org/x?a=1&b=2) [b](javascript:alert(1)) [c](mailto:q@example.org) ![p](http://t.example/p.gif) ![q](https://example.org/q.png)',
    );
    expect(html).toContain('href="https://example.org/x?a=1&amp;b=2"');
    expect(html).toContain('href="mailto:q@example.org"');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('http://t.example/p.gif');
    expect(html).toContain('<img src="https://example.org/q.png" alt="q"');
  });
});

describe('markdownToText', () => {
  it('keeps structure and writes links out', () => {
    const text = markdownToText(
      '# Titel\n\nEin [Link](https://example.org) & mehr.\n\n- eins\n- **zwei**\n\n1. a\n2. b\n\n> Zitat\n\n<span>roh</span>',
    );
    expect(text).toBe(
      [
        'Titel\n=====',
        'Ein Link (https://example.org) & mehr.',
        ' - eins\n - zwei',
        '1. a\n2. b',
        '> Zitat',
        'roh',
      ].join('\n\n'),
    );
  });
});

describe('link mapping (click counting)', () => {
  const md =
    'A [x](https://a.example/1?p=1&q=2), https://b.example/ and [m](mailto:m@example.org), ' +
    '![i](https://img.example/i.png), [bad](javascript:alert(1)), again [y](https://a.example/1?p=1&q=2).';
  const map = (h: string) => `https://r.example/${markdownLinks(md).indexOf(h)}`;

  it('lists the distinct http(s) targets in document order, not mailto, images or unsafe ones', () => {
    expect(markdownLinks(md)).toEqual(['https://a.example/1?p=1&q=2', 'https://b.example/']);
  });

  it('maps the same links in the HTML and the text part, and only while asked', () => {
    const html = markdownToHtml(md, map);
    expect(html).toContain('href="https://r.example/0"');
    expect(html).toContain('href="https://r.example/1"');
    expect(html).toContain('href="mailto:m@example.org"');
    expect(html).toContain('src="https://img.example/i.png"');
    expect(html).not.toContain('href="https://a.example');
    const text = markdownToText(md, map);
    expect(text).toContain('x (https://r.example/0)');
    expect(text).toContain('https://r.example/1 and');
    expect(text).not.toMatch(/https:\/\/[ab]\.example/);
    expect(markdownToHtml(md)).toContain('href="https://a.example/1?p=1&amp;q=2"');
  });
});
