import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  personalDataHolders,
  renderInventoryTable,
  renderRetentionTable,
  replaceGenerated,
  retentionVariables,
} from '@qn/privacy';

/**
 * docs/privacy/records-of-processing.md must say what the code does: its generated tables equal
 * what the config schema and the personal-data registry give now, and its prose names every
 * retention variable and every processing activity. `UPDATE_DOCS=1 npx jest <this file>`
 * rewrites the tables (then `npx prettier --write docs/privacy` aligns them).
 */
const path = join(__dirname, '../../docs/privacy/records-of-processing.md');

function generated(doc: string): string {
  return replaceGenerated(
    replaceGenerated(doc, 'retention', renderRetentionTable()),
    'inventory',
    renderInventoryTable(),
  );
}

/** Prettier pads table cells and adds blank lines; neither changes what the tables say. */
function normalised(doc: string): string {
  return doc
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?-{3,} ?/g, '---')
    .replace(/\n{2,}/g, '\n');
}

describe('records of processing', () => {
  let doc = readFileSync(path, 'utf8');
  if (process.env.UPDATE_DOCS === '1') writeFileSync(path, (doc = generated(doc)));

  it('carries the retention table and inventory the code gives now', () => {
    expect(normalised(doc)).toBe(normalised(generated(doc)));
  });

  it('names every retention setting in the prose, not only in the table', () => {
    const prose = doc.slice(0, doc.indexOf('<!-- retention:start -->'));
    const missing = retentionVariables().filter((v) => !prose.includes(`\`${v}\``));
    expect(missing).toEqual([]);
  });

  it('describes every processing activity the registry knows', () => {
    const activities = [...new Set(personalDataHolders.map((h) => h.activity))];
    const missing = activities.filter((a) => !new RegExp(`^## \\d+\\. .*\\(.*\`${a}\`.*\\)`, 'm').test(doc));
    expect(missing).toEqual([]);
    for (const heading of [
      'Event registration',
      'Funding-programme alerts',
      'Newsletter',
      'Calendar feeds',
      'Console accounts',
      'Logs',
      'Backups',
    ]) {
      expect(doc).toMatch(new RegExp(`^## \\d+\\. ${heading}`, 'm'));
    }
  });
});
