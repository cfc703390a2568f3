import { attrs, html, type SafeHtml } from '../html';
import type { Translate } from '../i18n';
import type { FormState } from '../form-state';

/**
 * Form controls that follow one pattern: a visible label, the hint and the error beside the
 * field and tied to it with `aria-describedby`, `aria-invalid` when wrong, and the entered
 * value kept. Forms use `novalidate`, so errors always come from the server, in one style.
 */
export type FieldOptions = {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  /** Language of the field's content when it differs from the page (e.g. English titles). */
  lang?: string;
  /** Language of the label when it differs from the page (consent texts exist in German only). */
  labelLang?: string;
};

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function single(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function many(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function labelText(
  o: Pick<FieldOptions, 'label' | 'required'> & { labelLang?: string },
  t: Translate,
): SafeHtml {
  return html`${o.labelLang ? html`<span lang="${o.labelLang}">${o.label}</span>` : o.label}${o.required ? html` <span class="req">(${t('common.required')})</span>` : ''}`;
}

function hintAndError(
  id: string,
  hint: string | undefined,
  error: string | undefined,
  t: Translate,
): SafeHtml {
  return html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}${
    error
      ? html`<p class="field-error" id="${id}-error">
          <span class="visually-hidden">${t('common.errorPrefix')} </span>${error}
        </p>`
      : ''
  }`;
}

export function textField(
  form: FormState,
  o: FieldOptions & {
    type?: 'text' | 'email' | 'tel' | 'url' | 'search' | 'number' | 'datetime-local' | 'date';
    inputmode?: string;
    maxlength?: number;
    min?: string | number;
    max?: string | number;
  },
  t: Translate,
): SafeHtml {
  const id = fieldId(o.name);
  const error = form.errors[o.name];
  return html`<div class="field${error ? ' field--error' : ''}">
<label for="${id}">${labelText(o, t)}</label>
${hintAndError(id, o.hint, error, t)}
<input${attrs({
    id,
    name: o.name,
    type: o.type ?? 'text',
    value: single(form.values[o.name]),
    autocomplete: o.autocomplete,
    inputmode: o.inputmode,
    maxlength: o.maxlength,
    min: o.min,
    max: o.max,
    lang: o.lang,
    required: o.required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(id, !!o.hint, !!error),
  })}>
</div>`;
}

export function textArea(
  form: FormState,
  o: FieldOptions & { rows?: number; maxlength?: number },
  t: Translate,
): SafeHtml {
  const id = fieldId(o.name);
  const error = form.errors[o.name];
  return html`<div class="field${error ? ' field--error' : ''}">
<label for="${id}">${labelText(o, t)}</label>
${hintAndError(id, o.hint, error, t)}
<textarea${attrs({
    id,
    name: o.name,
    rows: o.rows ?? 6,
    maxlength: o.maxlength,
    lang: o.lang,
    required: o.required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(id, !!o.hint, !!error),
  })}>${single(form.values[o.name])}</textarea>
</div>`;
}

export type Option = { value: string; label: string };

export function selectField(
  form: FormState,
  o: FieldOptions & { options: Option[]; emptyLabel?: string },
  t: Translate,
): SafeHtml {
  const id = fieldId(o.name);
  const error = form.errors[o.name];
  const current = single(form.values[o.name]);
  return html`<div class="field${error ? ' field--error' : ''}">
<label for="${id}">${labelText(o, t)}</label>
${hintAndError(id, o.hint, error, t)}
<select${attrs({
    id,
    name: o.name,
    required: o.required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(id, !!o.hint, !!error),
  })}>
${o.emptyLabel !== undefined ? html`<option value="">${o.emptyLabel}</option>` : ''}
${o.options.map((opt) => html`<option${attrs({ value: opt.value, selected: opt.value === current })}>${opt.label}</option>`)}
</select>
</div>`;
}

/** Checkboxes or radios in a fieldset; the legend names the group, the error sits under it. */
export function choiceGroup(
  form: FormState,
  o: Omit<FieldOptions, 'autocomplete'> & {
    options: Option[];
    type?: 'checkbox' | 'radio';
    compact?: boolean;
  },
  t: Translate,
): SafeHtml {
  const id = fieldId(o.name);
  const error = form.errors[o.name];
  const chosen = new Set(many(form.values[o.name]));
  const type = o.type ?? 'checkbox';
  return html`<fieldset${attrs({
    class: `field choices${o.compact ? ' choices--compact' : ''}${error ? ' field--error' : ''}`,
    'aria-describedby': describedBy(id, !!o.hint, !!error),
  })}>
<legend>${labelText(o, t)}</legend>
${hintAndError(id, o.hint, error, t)}
${o.options.map(
  (opt, i) => html`<div class="choice">
<input${attrs({
    id: i === 0 ? id : `${id}-${i}`,
    type,
    name: o.name,
    value: opt.value,
    checked: chosen.has(opt.value),
    'aria-invalid': error && i === 0 ? 'true' : undefined,
  })}>
<label for="${i === 0 ? id : `${id}-${i}`}">${opt.label}</label>
</div>`,
)}
</fieldset>`;
}

/** One checkbox, e.g. consent. */
export function checkboxField(form: FormState, o: FieldOptions, t: Translate): SafeHtml {
  const id = fieldId(o.name);
  const error = form.errors[o.name];
  const checked = ['on', '1', 'true'].includes(single(form.values[o.name]));
  return html`<div class="field choice${error ? ' field--error' : ''}">
${hintAndError(id, o.hint, error, t)}
<input${attrs({
    id,
    type: 'checkbox',
    name: o.name,
    value: 'on',
    checked,
    required: o.required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(id, !!o.hint, !!error),
  })}>
<label for="${id}">${labelText(o, t)}</label>
</div>`;
}

/**
 * The list of errors at the top of a form, each a link to its field. Focused by the
 * `role="alert"`-free pattern: the page title says "Fehler" and the summary comes first.
 */
export function errorSummary(form: FormState, labels: Record<string, string>, t: Translate): SafeHtml {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
    <h2 id="error-summary-title">${t('common.errorSummary')}</h2>
    <ul>
      ${entries.map(([name, msg]) =>
        name === '_form'
          ? html`<li>${msg}</li>`
          : html`<li><a href="#${fieldId(name)}">${labels[name] ? `${labels[name]}: ` : ''}${msg}</a></li>`,
      )}
    </ul>
  </div>`;
}

export function hasErrors(form: FormState): boolean {
  return Object.keys(form.errors).length > 0;
}

/** A form page's title says "Fehler:" first when it came back with errors (the first thing read out). */
export function formPageTitle(form: FormState, title: string, t: Translate): string {
  return hasErrors(form) ? `${t('error.title')}: ${title}` : title;
}
