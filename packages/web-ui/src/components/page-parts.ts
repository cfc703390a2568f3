import { html, type HtmlValue, type SafeHtml } from '../html';

/** A status message after an action ("Gespeichert."), announced politely by screen readers. */
export function notice(text: HtmlValue, kind: 'success' | 'info' | 'warning' = 'success'): SafeHtml {
  return html`<div class="notice notice--${kind}" role="status"><p>${text}</p></div>`;
}

/** Wide tables scroll inside a focusable, labelled region so keyboard users can scroll them. */
export function tableRegion(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

/** Facts as a description list (date, place, seats …). */
export function facts(rows: [label: string, value: HtmlValue][]): SafeHtml {
  return html`<dl class="facts">
    ${rows.map(
      ([k, v]) =>
        html`<div>
          <dt>${k}</dt>
          <dd>${v}</dd>
        </div>`,
    )}
  </dl>`;
}
