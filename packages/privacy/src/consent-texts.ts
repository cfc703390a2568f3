import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';
import * as events from '@qn/events';
import * as funding from '@qn/funding';
import * as newsletter from '@qn/newsletter';

/**
 * The consent texts each domain shows (`packages/<domain>/src/consent-text.ts`), with where its
 * consent records keep the version they were shown. A domain keeps only its current text in
 * code; every version ever served is archived in `consent_texts`, so a record from last year
 * still leads to the exact words its person agreed to.
 */
/** German always; English where the domain shows one. */
export type ConsentWords = { de: string; en?: string };

/** Domains keep a German string, or German and English: one shape for the archive. */
function wordsOf(text: string | ConsentWords): ConsentWords {
  return typeof text === 'string' ? { de: text } : text;
}

export type ConsentSource = {
  domain: string;
  version: string;
  text: ConsentWords;
  /** The personal-data holder whose records carry the version, and the path they carry it at. */
  holder: string;
  versionPath: string;
};

export const currentConsentTexts: readonly ConsentSource[] = [
  {
    domain: 'events',
    version: events.CONSENT_TEXT_VERSION,
    text: wordsOf(events.CONSENT_TEXT),
    holder: 'events.registrations',
    versionPath: 'consentTextVersion',
  },
  {
    domain: 'funding',
    version: funding.CONSENT_TEXT_VERSION,
    text: wordsOf(funding.CONSENT_TEXT),
    holder: 'funding.subscriptions',
    versionPath: 'consent.textVersion',
  },
  {
    domain: 'newsletter',
    version: newsletter.CONSENT_TEXT_VERSION,
    text: wordsOf(newsletter.CONSENT_TEXT),
    holder: 'newsletter.subscribers',
    versionPath: 'consent.textVersion',
  },
];

type ConsentTextDoc = { _id: string; domain: string; version: string; text: ConsentWords; firstSeenAt: Date };

const schema = new Schema<ConsentTextDoc>(
  {
    _id: { type: String, required: true },
    domain: { type: String, required: true },
    version: { type: String, required: true },
    text: { de: { type: String, required: true }, en: String },
    firstSeenAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'consent_texts' },
);

export const ConsentTextArchive = defineModel<ConsentTextDoc>('ConsentText', schema);

export type ConsentTextView = {
  domain: string;
  version: string;
  text: ConsentWords;
  firstSeenAt: string;
  current: boolean;
  /** The code shows different words under an archived version: somebody forgot to raise it. */
  changedWithoutNewVersion?: true;
};

/** Archives the current versions (first sight wins, never overwritten) and lists them all. */
export async function listConsentTexts(): Promise<ConsentTextView[]> {
  const now = new Date();
  await ConsentTextArchive.bulkWrite(
    currentConsentTexts.map((c) => ({
      updateOne: {
        filter: { _id: `${c.domain}:${c.version}` },
        update: { $setOnInsert: { domain: c.domain, version: c.version, text: c.text, firstSeenAt: now } },
        upsert: true,
      },
    })),
  );
  const rows = await ConsentTextArchive.find({}).sort({ domain: 1, firstSeenAt: 1 }).lean();
  return rows.map((r) => {
    const current = currentConsentTexts.find((c) => c.domain === r.domain && c.version === r.version);
    return {
      domain: r.domain,
      version: r.version,
      text: r.text,
      firstSeenAt: r.firstSeenAt.toISOString(),
      current: !!current,
      ...(current && !sameWords(current.text, r.text) ? { changedWithoutNewVersion: true as const } : {}),
    };
  });
}

function sameWords(a: ConsentWords, b: ConsentWords): boolean {
  return a.de === b.de && (a.en ?? '') === (b.en ?? '');
}

function valueAt(record: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      record,
    );
}

/** The consent texts that exported records point to, so an export shows what was agreed to. */
export async function consentTextsFor(
  sections: readonly { holder: string; records: readonly Record<string, unknown>[] }[],
): Promise<{ domain: string; version: string; text: ConsentWords }[]> {
  const wanted = new Set<string>();
  for (const c of currentConsentTexts) {
    for (const s of sections.filter((x) => x.holder === c.holder)) {
      for (const r of s.records) {
        const v = valueAt(r, c.versionPath);
        if (typeof v === 'string') wanted.add(`${c.domain}:${v}`);
      }
    }
  }
  if (wanted.size === 0) return [];
  const all = await listConsentTexts();
  return all
    .filter((t) => wanted.has(`${t.domain}:${t.version}`))
    .map((t) => ({ domain: t.domain, version: t.version, text: t.text }));
}
