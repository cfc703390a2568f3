import { configSchema, loadConfig, type Config } from '@qn/config';
import { personalDataHolders } from './registry';

/**
 * The generated parts of docs/privacy/records-of-processing.md: retention settings from the
 * config schema and the inventory from the personal-data registry, so the document cannot drift
 * from what the code does (test/privacy/records-of-processing.test.ts compares them).
 */
const RETENTION_LIKE = /RETENTION|_TTL_|EXPIR|_DAYS$|_HOURS$|^RATE_LIMIT_WINDOW/;

/** The defaults, as a process with only the required variables set would run. */
export function defaultConfig(): Config {
  return loadConfig({
    MONGODB_URL: 'mongodb://127.0.0.1:27017/qn',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    SECRET_KEY: 'x'.repeat(32),
  });
}

export function retentionVariables(): string[] {
  return Object.keys(configSchema.shape).filter((k) => RETENTION_LIKE.test(k));
}

function cell(v: unknown): string {
  const s = Array.isArray(v) ? (v.length ? JSON.stringify(v) : 'empty') : String(v);
  return s.replace(/\|/g, '\\|');
}

export function renderRetentionTable(): string {
  const defaults = defaultConfig() as unknown as Record<string, unknown>;
  const shape = configSchema.shape as Record<string, { description?: string }>;
  const rows = retentionVariables().map(
    (k) => `| \`${k}\` | ${cell(defaults[k])} | ${cell(shape[k]?.description ?? '')} |`,
  );
  return ['| variable | default | what it bounds |', '| --- | --- | --- |', ...rows].join('\n');
}

export function renderInventoryTable(config: Config = defaultConfig()): string {
  const rows = personalDataHolders.map((h) => {
    const r = h.retention(config);
    const fields = h.models.map((m) => `${m.model}: ${m.fields.join(', ')}`).join('; ');
    const erasure = h.keptOnErasure ? 'kept (hash only)' : 'erased or anonymised';
    return `| \`${h.key}\` | ${h.activity} | \`${h.collection}\` | ${cell(fields)} | ${cell(h.legalBasis.en)} | ${cell(r.text.en)}${r.variable ? ` (\`${r.variable}\`)` : ''} | ${erasure} |`;
  });
  return [
    '| holder | activity | collection | personal fields | legal basis | retention | on erasure |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceGenerated(doc: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers for ${name} missing`);
  return `${doc.slice(0, i + start.length)}\n${content}\n${doc.slice(j)}`;
}
