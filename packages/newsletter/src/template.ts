import { AppError } from '@qn/domain';

/**
 * The campaign template: one HTML document with {{placeholders}}. A custom template must keep
 * {{content}} and {{unsubscribe_url}}: a newsletter without a working unsubscribe link is
 * refused, not sent. Values are escaped when filled in, except {{content}} (sanitised HTML from
 * the Markdown renderer) and {{footer}} (built here).
 */
export const PLACEHOLDERS = [
  'lang',
  'subject',
  'preheader',
  'greeting',
  'content',
  'footer',
  'unsubscribe_url',
  'unsubscribe_text',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export const REQUIRED_PLACEHOLDERS: Placeholder[] = ['content', 'unsubscribe_url'];

/** Responsive without media-query tricks: one fluid column capped at 600px, table-based for Outlook. */
export const DEFAULT_TEMPLATE = `<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>{{subject}}</title>
<style>
  @media (max-width: 620px) { .qn-body { padding: 16px !important; } .qn-body h1 { font-size: 22px !important; } }
</style>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;color:#111827;font-family:Arial,Helvetica,sans-serif;line-height:1.5">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all" aria-hidden="true">{{preheader}}&#8203;</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6">
<tr><td align="center" style="padding:24px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:6px">
<tr><td style="background:#0b5394;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold;border-radius:6px 6px 0 0">Quartiersnetz · Quartier 2030</td></tr>
<tr><td class="qn-body" style="padding:24px;font-size:16px">
<p style="margin:0 0 16px 0">{{greeting}}</p>
{{content}}
</td></tr>
<tr><td style="padding:16px 24px;font-size:13px;color:#4b5563;border-top:1px solid #e5e7eb">{{footer}}<br><a href="{{unsubscribe_url}}" style="color:#0b5394">{{unsubscribe_text}}</a></td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;

export type TemplatePart = { literal: string } | { placeholder: Placeholder };

export function validateTemplate(template: string): { field: string; message: string }[] {
  const found = new Set<string>();
  for (const m of template.matchAll(/{{\s*([a-z_]+)\s*}}/g)) found.add(m[1]!);
  const issues: { field: string; message: string }[] = [];
  for (const p of REQUIRED_PLACEHOLDERS) {
    if (!found.has(p))
      issues.push({
        field: 'template',
        message: `Die Vorlage braucht den Platzhalter {{${p}}}${p === 'unsubscribe_url' ? ' (Abmeldelink)' : ''}.`,
      });
  }
  const unknown = [...found].filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length)
    issues.push({
      field: 'template',
      message: `Unbekannte Platzhalter: ${unknown.map((u) => `{{${u}}}`).join(', ')}`,
    });
  return issues;
}

export function assertValidTemplate(template: string): void {
  const issues = validateTemplate(template);
  if (issues.length)
    throw AppError.validation(
      issues,
      'Die Vorlage enthält keinen Abmeldelink-Platzhalter {{unsubscribe_url}} oder ist unvollständig.',
    );
}

/** Split once per campaign; filling in per recipient is then a join. */
export function compileTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(/{{\s*([a-z_]+)\s*}}/g)) {
    parts.push({ literal: template.slice(last, m.index) });
    parts.push({ placeholder: m[1] as Placeholder });
    last = m.index! + m[0].length;
  }
  parts.push({ literal: template.slice(last) });
  return parts;
}

export function fillTemplate(parts: TemplatePart[], values: Record<Placeholder, string>): string {
  let s = '';
  for (const p of parts) s += 'literal' in p ? p.literal : values[p.placeholder];
  return s;
}
