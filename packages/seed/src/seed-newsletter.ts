import { municipalityKey } from '@qn/domain';
import { addressHash } from '@qn/mail';
import {
  Campaign,
  CONSENT_TEXT_VERSION,
  NewsletterList,
  Segment,
  Subscriber,
  subscriberIdOf,
} from '@qn/newsletter';

export const DEMO_NEWSLETTER_LIST_ID = 'quartiersnetz-aktuell';

const DEMO_SUBSCRIBERS = [
  {
    email: 'demo.anna@example.org',
    name: 'Anna Beispiel',
    m: 'Nürtingen',
    a: 'verein',
    f: ['wohnen', 'teilhabe'],
  },
  { email: 'demo.bernd@example.org', name: 'Bernd Muster', m: 'Köngen', a: 'kommune', f: ['mobilitaet'] },
  {
    email: 'demo.chiara@example.org',
    name: 'Chiara Probe',
    m: 'Esslingen am Neckar',
    a: 'wohlfahrt',
    f: ['pflege', 'gesundheit'],
  },
  {
    email: 'demo.deniz@example.org',
    m: 'Kirchheim unter Teck',
    a: 'initiative',
    f: ['engagement', 'wohnen'],
  },
] as const;

const BODY = `## Neues aus den Quartieren

Im Landkreis Esslingen sind drei neue Quartiersprojekte gestartet – in **Nürtingen**, **Köngen** und **Aichtal**.

## Termine

- Vernetzungstreffen „Wohnen im Alter“, Kreishaus Esslingen
- Schulung „Digitale Nachbarschaft“ für Ehrenamtliche

## Förderung

Das Programm „Quartiersimpulse“ nimmt wieder Anträge an. Mehr auf [quartier2030-bw.de](https://www.quartier2030-bw.de/).
`;

/**
 * Demo newsletter data: one list with a few confirmed subscribers at example.org (consent
 * recorded as given to the office), a segment and a draft issue. Idempotent: upserts by
 * stable ids with $setOnInsert, so a restart changes nothing and never resets a real change.
 */
export async function seedNewsletter(opts: { secretKey: string }): Promise<void> {
  await NewsletterList.updateOne(
    { _id: DEMO_NEWSLETTER_LIST_ID },
    {
      $setOnInsert: {
        name: 'Quartiersnetz aktuell',
        description:
          'Neues aus den Quartieren, Veranstaltungen, Förderprogramme und Praxishilfen – etwa monatlich.',
        lang: 'de',
        welcome: {
          enabled: true,
          subject: 'Willkommen bei „Quartiersnetz aktuell“',
          bodyMarkdown: 'Schön, dass Sie dabei sind! Die nächste Ausgabe kommt in den nächsten Wochen.',
        },
      },
    },
    { upsert: true },
  );
  await Subscriber.bulkWrite(
    DEMO_SUBSCRIBERS.map((d) => {
      const hash = addressHash(d.email, opts.secretKey);
      return {
        updateOne: {
          filter: { _id: subscriberIdOf(DEMO_NEWSLETTER_LIST_ID, hash) },
          update: {
            $setOnInsert: {
              listId: DEMO_NEWSLETTER_LIST_ID,
              email: d.email,
              addressHash: hash,
              ...('name' in d ? { name: d.name } : {}),
              lang: 'de',
              status: 'confirmed',
              consent: {
                at: new Date('2026-09-01T10:00:00Z'),
                method: 'admin',
                textVersion: CONSENT_TEXT_VERSION,
              },
              attributes: { municipality: municipalityKey(d.m), actorType: d.a, fieldsOfAction: [...d.f] },
              confirmedAt: new Date('2026-09-01T10:00:00Z'),
            },
          },
          upsert: true,
        },
      };
    }),
  );
  await Segment.updateOne(
    { _id: 'demo-wohnen-pflege' },
    {
      $setOnInsert: {
        listId: DEMO_NEWSLETTER_LIST_ID,
        name: 'Wohnen und Pflege',
        filter: { municipalities: [], actorTypes: [], fieldsOfAction: ['wohnen', 'pflege'] },
      },
    },
    { upsert: true },
  );
  await Campaign.updateOne(
    { _id: 'demo-ausgabe-1' },
    {
      $setOnInsert: {
        name: 'Ausgabe Dezember (Entwurf)',
        subject: 'Quartiersnetz aktuell – Dezember',
        preheader: 'Neue Quartiersprojekte, Termine und Förderung',
        from: { name: 'Koordination Quartier', email: 'quartier@example.org' },
        bodyMarkdown: BODY,
        lang: 'de',
        audience: { listIds: [DEMO_NEWSLETTER_LIST_ID] },
        status: 'draft',
        gen: 0,
      },
    },
    { upsert: true },
  );
}
