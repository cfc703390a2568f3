import { attrs, html, raw } from './html';

// An alias, so the formatter leaves these templates exactly as written.
const h = html;

describe('html', () => {
  it('escapes every interpolated value unless it is already safe markup', () => {
    const name = '<script>alert("x")</script>&\'';
    expect(html`<p>${name}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
    expect(html`<p>${raw('<b>ok</b>')}</p>`.value).toBe('<p><b>ok</b></p>');
    const items = ['a', '<b>'].map((x) => h`<li>${x}</li>`);
    expect(h`<ul>${items}</ul>`.value).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
    expect(html`${undefined}${null}${false}${0}`.value).toBe('0');
  });

  it('writes attributes, leaving out unset ones and escaping values', () => {
    expect(attrs({ href: '/a?b=1&c="2"', hidden: true, title: undefined, disabled: false }).value).toBe(
      ' href="/a?b=1&amp;c=&quot;2&quot;" hidden',
    );
  });
});
