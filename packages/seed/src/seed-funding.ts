import { addDays, createProgramme, dateIn, Programme, type CreateProgrammeInput } from '@qn/funding';

/**
 * Demo funding programmes of the kinds the county's actors apply to: state programmes of the
 * Quartier 2030 strategy, federal, EU, foundation and county programmes. Names, amounts and
 * dates are illustrative; deadlines are set relative to the day of seeding, so the demo always
 * shows open programmes, one closing soon and one already closed. Idempotent by stable ids.
 */
export function demoProgrammes(today: string): (CreateProgrammeInput & { _id: string })[] {
  const official = (path: string) => [
    { label: 'Offizielle Ausschreibung', url: `https://example.org/foerderung/${path}` },
  ];
  return [
    {
      _id: 'demo-quartiersimpulse',
      title: 'Quartiersimpulse – Beratung und Prozessbegleitung',
      provider: 'land',
      providerName: 'Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg',
      programmeLine: 'Quartier 2030 – Gemeinsam.Gestalten',
      summary:
        'Fördert Kommunen und zivilgesellschaftliche Akteure, die ein lebendiges, alternsgerechtes Quartier aufbauen: Beteiligung, Vernetzung und Prozessbegleitung.',
      fieldsOfAction: ['teilhabe', 'engagement', 'wohnen'],
      applicantTypes: ['kommune', 'verein', 'wohlfahrt', 'kirchengemeinde'],
      region: { scope: 'state' },
      amount: { min: 10_000, max: 100_000 },
      fundingRatePercent: 80,
      deadlines: [addDays(today, 45), addDays(today, 225)],
      links: official('quartiersimpulse'),
      contact: { organisation: 'Allianz für Beteiligung e.V.', email: 'quartier@example.org' },
    },
    {
      _id: 'demo-sonderprogramm-quartier',
      title: 'Sonderprogramm Quartier: Pflege und Unterstützung im Quartier',
      provider: 'land',
      providerName: 'Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg',
      programmeLine: 'Innovationsprogramm Pflege',
      summary:
        'Unterstützt Projekte, die Pflege, Beratung und Alltagshilfen im Quartier verbinden, etwa Pflegemix-Modelle und Nachbarschaftshilfen.',
      fieldsOfAction: ['pflege', 'gesundheit', 'praevention'],
      applicantTypes: ['kommune', 'wohlfahrt', 'pflegeanbieter'],
      region: { scope: 'state' },
      amount: { max: 200_000, note: 'Laufzeit bis zu drei Jahre' },
      fundingRatePercent: 75,
      deadlines: [addDays(today, 9)],
      links: official('sonderprogramm-quartier'),
    },
    {
      _id: 'demo-bund-mehrgenerationenhaus',
      title: 'Mehrgenerationenhäuser – Digitale Teilhabe',
      provider: 'bund',
      providerName: 'Bundesministerium für Familie, Senioren, Frauen und Jugend',
      summary:
        'Bundesprogramm für Orte der Begegnung aller Generationen; Schwerpunkt digitale Teilhabe älterer Menschen.',
      fieldsOfAction: ['digitalisierung', 'teilhabe'],
      applicantTypes: ['kommune', 'verein', 'wohlfahrt'],
      region: { scope: 'state' },
      amount: { max: 40_000, note: 'jährlich' },
      deadlines: [addDays(today, 120)],
      links: official('mehrgenerationenhaus'),
    },
    {
      _id: 'demo-eu-esf-plus',
      title: 'ESF Plus: Soziale Innovation im ländlichen Raum',
      provider: 'eu',
      providerName: 'Europäischer Sozialfonds Plus, Verwaltungsbehörde Baden-Württemberg',
      summary: 'Modellprojekte gegen Einsamkeit und für Teilhabe benachteiligter älterer Menschen.',
      fieldsOfAction: ['teilhabe', 'mobilitaet'],
      applicantTypes: ['kommune', 'wohlfahrt', 'verein'],
      region: { scope: 'state' },
      amount: { min: 50_000, max: 500_000 },
      fundingRatePercent: 50,
      fundingRateNote: 'Kofinanzierung erforderlich',
      opensOn: addDays(today, 20),
      deadlines: [addDays(today, 80)],
      links: official('esf-plus'),
    },
    {
      _id: 'demo-stiftung-nachbarschaft',
      title: 'Stiftung Nachbarschaft: Kleinprojekte für Begegnung',
      provider: 'stiftung',
      providerName: 'Bürgerstiftung Landkreis Esslingen (Demo)',
      summary:
        'Schnelle, unbürokratische Zuschüsse für Nachbarschaftsinitiativen: Erzählcafés, Mittagstische, Fahrdienste.',
      fieldsOfAction: ['engagement', 'teilhabe', 'mobilitaet'],
      applicantTypes: ['initiative', 'verein', 'buerger', 'kirchengemeinde'],
      region: { scope: 'county' },
      amount: { max: 2_500 },
      rolling: true,
      links: official('nachbarschaft'),
    },
    {
      _id: 'demo-landkreis-wohnen',
      title: 'Kreisförderung: Barrierearmes Wohnen im Quartier',
      provider: 'landkreis',
      providerName: 'Landratsamt Esslingen – Amt für Soziales',
      summary:
        'Zuschüsse für Wohnberatung und kleine Umbauten in Gemeinschaftsräumen von Quartierstreffpunkten.',
      fieldsOfAction: ['wohnen', 'infrastruktur'],
      applicantTypes: ['kommune', 'verein', 'initiative'],
      region: {
        scope: 'municipalities',
        municipalities: ['nuertingen', 'koengen', 'kirchheim-unter-teck', 'aichtal'],
      },
      amount: { max: 15_000 },
      fundingRatePercent: 60,
      deadlines: [addDays(today, -10)],
      links: official('kreis-wohnen'),
    },
  ];
}

export async function seedFunding(now: Date = new Date()): Promise<void> {
  const today = dateIn('Europe/Berlin', now);
  for (const { _id, ...input } of demoProgrammes(today)) {
    if (await Programme.exists({ _id })) continue;
    await createProgramme({ input, id: _id, now });
    // Published directly: the demo has no subscribers yet, so nothing to announce.
    await Programme.updateOne({ _id }, { $set: { status: 'published', publishedAt: now } });
  }
}
