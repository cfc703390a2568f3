import type { Config } from '@qn/config';
import { consentTextsFor, type ConsentWords } from './consent-texts';
import { baseContext, findWithLinks, type Subject } from './find-linked';
import { personalDataHolders } from './registry';
import type { ActivityKey, HolderContext, PersonalRecord, Retention, Text } from './types';

export type ExportSection = {
  holder: string;
  activity: ActivityKey;
  category: Text;
  purpose: Text;
  legalBasis: Text;
  source: Text;
  recipients: Text;
  retention: Retention;
  records: PersonalRecord[];
};

/** The answer to an access request (Art. 15): every record, each with why, whence and how long. */
export type PersonalDataExport = {
  format: 'quartiersnetz-personal-data-export';
  version: 1;
  generatedAt: string;
  controller: { name: string; address: string; email: string; dataProtectionOfficer: string };
  subject: { email: string };
  /** Every holder that was searched, whether it held something or not. */
  searched: string[];
  sections: ExportSection[];
  /** The exact consent texts the records' consent versions point to. */
  consentTexts: { domain: string; version: string; text: ConsentWords }[];
};

async function collectSections(
  subject: Subject,
  config: Config,
  extra: Pick<HolderContext, 'producer'> = {},
): Promise<ExportSection[]> {
  const base = baseContext(subject, config, extra);
  const memo = new Map<string, PersonalRecord[]>();
  const sections: ExportSection[] = [];
  for (const h of personalDataHolders) {
    const { records } = await findWithLinks(h, base, memo);
    if (records.length === 0) continue;
    sections.push({
      holder: h.key,
      activity: h.activity,
      category: h.category,
      purpose: h.purpose,
      legalBasis: h.legalBasis,
      source: h.source,
      recipients: h.recipients,
      retention: h.retention(config),
      records,
    });
  }
  return sections;
}

/** With the producer, queued mails in Redis are searched too (see holders/queued-jobs.ts). */
export async function exportPersonalData(
  subject: Subject,
  config: Config,
  extra: Pick<HolderContext, 'producer'> = {},
): Promise<PersonalDataExport> {
  const sections = await collectSections(subject, config, extra);
  return {
    format: 'quartiersnetz-personal-data-export',
    version: 1,
    generatedAt: new Date().toISOString(),
    controller: {
      name: config.OFFICE_NAME,
      address: config.OFFICE_ADDRESS,
      email: config.OFFICE_EMAIL,
      dataProtectionOfficer: config.DPO_CONTACT,
    },
    subject: { email: subject.email },
    searched: personalDataHolders.map((h) => h.key),
    sections,
    consentTexts: await consentTextsFor(sections),
  };
}

/**
 * Whether anything is stored about the address. It runs the lookups an export runs, so
 * a known and an unknown address cost the same work. The request log and the suppression list
 * do not count: they only ever hold a hash, and the request being answered is itself in the log.
 */
export async function holdsPersonalData(subject: Subject, config: Config): Promise<boolean> {
  const sections = await collectSections(subject, config);
  return sections.some((s) => s.holder !== 'privacy.requests' && s.holder !== 'mail.suppressions');
}
