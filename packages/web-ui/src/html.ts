import { escapeHtml } from '@qn/mail';

/**
 * Markup that is already safe. Everything interpolated into `html` is escaped unless it is
 * one of these, so forgetting to escape is impossible and marking something safe is visible.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** Tagged template: `html\`<p>${userText}</p>\`` escapes `userText`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusted markup only (rendered by our own code, never from input). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** `attrs({ href, 'aria-current': current ? 'page' : undefined })`; unset values are left out. */
export function attrs(map: Record<string, string | number | boolean | undefined | null>): SafeHtml {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined || v === null || v === false) continue;
    parts.push(v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`);
  }
  return new SafeHtml(parts.join(''));
}

export { escapeHtml };
