import { Marked, type Token, type Tokens } from 'marked';
import { escapeHtml } from '@qn/mail';

const LINK_SCHEMES = /^(https?:|mailto:)/i;

function safeHref(href: string, schemes = LINK_SCHEMES): string | null {
  const h = href.trim();
  return schemes.test(h) ? h : null;
}

/**
 * Markdown to HTML for a mail body. Authors are trusted office staff, yet the body must not
 * carry raw HTML into a mail (it would bypass the layout and could carry scripts or tracking
 * pixels), so HTML in the Markdown is shown as text; links keep only http(s) and mailto, images
 * only https. Styles are inline because many mail clients drop <style>.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Where http(s) links point in the output (click counting, see click-links.ts). Parsing is
 * synchronous, so the mapping is set for the duration of one call only.
 */
type HrefMap = (href: string) => string;
let mapHref: HrefMap | undefined;
const mapped = (href: string) => (mapHref && /^https?:/i.test(href) ? mapHref(href) : href);
marked.use({
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      const href = safeHref(token.href);
      if (!href) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(mapped(href))}"${title} style="color:#0b5394;text-decoration:underline">${text}</a>`;
    },
    image(token: Tokens.Image): string {
      const src = safeHref(token.href, /^https:/i);
      if (!src) return escapeHtml(token.text);
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}" style="max-width:100%;height:auto;border:0">`;
    },
  },
});

export function markdownToHtml(md: string, hrefs?: HrefMap): string {
  mapHref = hrefs;
  try {
    return marked.parse(md) as string;
  } finally {
    mapHref = undefined;
  }
}

/** The same Markdown as a plain-text part: structure kept, links written out. */
export function markdownToText(md: string, hrefs?: HrefMap): string {
  mapHref = hrefs;
  try {
    const blocks = blocksToText(marked.lexer(md));
    return blocks
      .join('\n\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } finally {
    mapHref = undefined;
  }
}

/** The distinct http(s) link targets of the Markdown, in document order. */
export function markdownLinks(md: string): string[] {
  const found = new Set<string>();
  marked.walkTokens(marked.lexer(md), (t) => {
    if (t.type !== 'link') return;
    const href = safeHref((t as Tokens.Link).href);
    if (href && /^https?:/i.test(href)) found.add(href);
  });
  return [...found];
}

function blocksToText(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        break;
      case 'heading': {
        const text = inline((t as Tokens.Heading).tokens);
        out.push(
          t.depth <= 2 ? `${text}\n${(t.depth === 1 ? '=' : '-').repeat(Math.min(text.length, 72))}` : text,
        );
        break;
      }
      case 'paragraph':
        out.push(inline((t as Tokens.Paragraph).tokens));
        break;
      case 'text':
        out.push((t as Tokens.Text).tokens ? inline((t as Tokens.Text).tokens!) : (t as Tokens.Text).text);
        break;
      case 'list': {
        const l = t as Tokens.List;
        const start = typeof l.start === 'number' ? l.start : 1;
        out.push(
          l.items
            .map((item, i) => {
              const body = blocksToText(item.tokens).join('\n').replace(/\n/g, '\n   ');
              return `${l.ordered ? `${start + i}.` : ' -'} ${body}`;
            })
            .join('\n'),
        );
        break;
      }
      case 'blockquote':
        out.push(
          blocksToText((t as Tokens.Blockquote).tokens)
            .join('\n\n')
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n'),
        );
        break;
      case 'code':
        out.push(
          (t as Tokens.Code).text
            .split('\n')
            .map((line) => `    ${line}`)
            .join('\n'),
        );
        break;
      case 'hr':
        out.push('----------');
        break;
      case 'table': {
        const tb = t as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens)).join(' | ');
        out.push([row(tb.header), ...tb.rows.map(row)].join('\n'));
        break;
      }
      case 'html':
        out.push(stripTags((t as Tokens.HTML).text));
        break;
      default:
        if ('text' in t && typeof t.text === 'string') out.push(t.text);
    }
  }
  return out.filter((s) => s.trim() !== '');
}

function inline(tokens: Token[]): string {
  let s = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'link': {
        const l = t as Tokens.Link;
        const text = inline(l.tokens);
        const href = safeHref(l.href);
        if (!href || `mailto:${text}` === href) s += text;
        else if (text === href) s += mapped(href);
        else s += `${text} (${mapped(href)})`;
        break;
      }
      case 'image':
        s += `[${(t as Tokens.Image).text}]`;
        break;
      case 'br':
        s += '\n';
        break;
      case 'strong':
      case 'em':
      case 'del':
        s += inline((t as Tokens.Strong).tokens);
        break;
      case 'codespan':
        s += (t as Tokens.Codespan).text;
        break;
      case 'html':
        s += stripTags((t as Tokens.Tag).text);
        break;
      case 'escape':
        s += (t as Tokens.Escape).text;
        break;
      default:
        s +=
          'tokens' in t && Array.isArray(t.tokens) ? inline(t.tokens) : ((t as { text?: string }).text ?? '');
    }
  }
  return decodeEntities(s);
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, '');
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
  );
}
