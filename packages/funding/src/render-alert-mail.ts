import { ACTOR_TYPES, FIELDS_OF_ACTION, FUNDING_PROVIDERS, labelOf, municipalityName } from '@qn/domain';
import { renderMail, type MailBlock } from '@qn/mail';
import { germanDate } from './calendar-date';
import { footerOf, subscriptionLinks, type MailContext } from './mail-context';
import type { AlertDoc } from './models/alert';
import type { ProgrammeDoc } from './models/programme';

const euro = (n: number) => `${n.toLocaleString('de-DE')} €`;

/** The key facts of a programme as label/value rows, German. */
export function programmeFacts(p: ProgrammeDoc, today: string): [string, string][] {
  const rows: [string, string][] = [
    ['Programm', p.title],
    ['Fördergeber', `${p.providerName} (${labelOf(FUNDING_PROVIDERS, p.provider)})`],
  ];
  if (p.programmeLine) rows.push(['Förderlinie', p.programmeLine]);
  rows.push(['Handlungsfelder', p.fieldsOfAction.map((f) => labelOf(FIELDS_OF_ACTION, f)).join(', ')]);
  rows.push(['Antragsberechtigt', p.applicantTypes.map((a) => labelOf(ACTOR_TYPES, a)).join(', ')]);
  rows.push([
    'Gebiet',
    p.region.scope === 'state'
      ? 'landesweit'
      : p.region.scope === 'county'
        ? 'Landkreis Esslingen'
        : p.region.municipalities.map(municipalityName).join(', '),
  ]);
  const a = p.amount;
  if (a && (a.min !== undefined || a.max !== undefined || a.note)) {
    const range =
      a.min !== undefined && a.max !== undefined
        ? `${euro(a.min)} bis ${euro(a.max)}`
        : a.max !== undefined
          ? `bis ${euro(a.max)}`
          : a.min !== undefined
            ? `ab ${euro(a.min)}`
            : '';
    rows.push(['Förderhöhe', [range, a.note].filter(Boolean).join(' – ')]);
  }
  if (p.fundingRatePercent !== undefined || p.fundingRateNote)
    rows.push([
      'Förderquote',
      [p.fundingRatePercent !== undefined ? `${p.fundingRatePercent} %` : '', p.fundingRateNote]
        .filter(Boolean)
        .join(' – '),
    ]);
  if (p.opensOn && p.opensOn > today) rows.push(['Anträge ab', germanDate(p.opensOn)]);
  const upcoming = p.deadlines.filter((d) => d >= today);
  if (p.rolling)
    rows.push([
      'Frist',
      upcoming.length
        ? `laufend; Stichtage ${upcoming.map(germanDate).join(', ')}`
        : 'laufende Antragstellung',
    ]);
  else
    rows.push([
      upcoming.length > 1 ? 'Fristen' : 'Frist',
      upcoming.length ? upcoming.map(germanDate).join(', ') : 'abgelaufen',
    ]);
  return rows;
}

export function alertHeadline(a: Pick<AlertDoc, 'kind' | 'deadline' | 'daysBefore'>, title: string): string {
  switch (a.kind) {
    case 'published':
      return `Neues Förderprogramm: ${title}`;
    case 'new-round':
      return `Neue Förderrunde: ${title}`;
    case 'deadline-changed':
      return `Frist geändert: ${title}`;
    case 'reminder':
      return `Erinnerung: Frist am ${germanDate(a.deadline ?? '')} (in ${a.daysBefore} Tagen) – ${title}`;
  }
}

function intro(a: Pick<AlertDoc, 'kind' | 'deadline' | 'daysBefore'>): string {
  switch (a.kind) {
    case 'published':
      return 'ein neues Förderprogramm passt zu Ihren Filtern.';
    case 'new-round':
      return 'für ein Förderprogramm, das zu Ihren Filtern passt, gibt es eine neue Antragsrunde.';
    case 'deadline-changed':
      return 'bei einem Förderprogramm, das zu Ihren Filtern passt, haben sich die Fristen geändert.';
    case 'reminder':
      return `in ${a.daysBefore} Tagen, am ${germanDate(a.deadline ?? '')}, endet eine Antragsfrist für ein Förderprogramm, das zu Ihren Filtern passt.`;
  }
}

function subscriptionBlocks(links: { manageUrl: string; unsubscribeUrl: string }): MailBlock[] {
  return [
    {
      type: 'p',
      text: 'Sie erhalten diese E-Mail, weil Sie Benachrichtigungen über Förderprogramme bestellt haben.',
    },
    { type: 'action', label: 'Filter und Häufigkeit ändern', url: links.manageUrl },
    { type: 'action', label: 'Abmelden', url: links.unsubscribeUrl },
  ];
}

/** One immediate alert: the headline, key facts, summary, official link, manage and unsubscribe. */
export function renderAlertMail(
  alert: Pick<AlertDoc, 'kind' | 'deadline' | 'daysBefore'>,
  programme: ProgrammeDoc,
  sub: { _id: string; tokenSalt: string },
  ctx: MailContext,
  today: string,
) {
  const links = subscriptionLinks(sub, ctx);
  const official = programme.links[0]!;
  const body = renderMail({
    greeting: `Guten Tag,`,
    blocks: [
      { type: 'p', text: intro(alert) },
      { type: 'facts', rows: programmeFacts(programme, today) },
      { type: 'p', text: programme.summary },
      { type: 'action', label: `${official.label} (offizielle Quelle)`, url: official.url },
      ...subscriptionBlocks(links),
    ],
    footer: footerOf(ctx),
  });
  return { subject: alertHeadline(alert, programme.title), ...body, links };
}

/** The weekly digest: one section per item, grouped by what happened. */
export function renderDigestMail(
  items: { alert: Pick<AlertDoc, 'kind' | 'deadline' | 'daysBefore'>; programme: ProgrammeDoc }[],
  sub: { _id: string; tokenSalt: string },
  ctx: MailContext,
  today: string,
) {
  const links = subscriptionLinks(sub, ctx);
  const groups: [string, typeof items][] = [
    ['Neue Förderprogramme', items.filter((i) => i.alert.kind === 'published')],
    ['Neue Förderrunden', items.filter((i) => i.alert.kind === 'new-round')],
    ['Geänderte Fristen', items.filter((i) => i.alert.kind === 'deadline-changed')],
  ];
  const blocks: MailBlock[] = [
    {
      type: 'p',
      text: `hier ist Ihre wöchentliche Übersicht: ${items.length} ${items.length === 1 ? 'Förderprogramm passt' : 'Förderprogramme passen'} zu Ihren Filtern.`,
    },
  ];
  for (const [heading, group] of groups) {
    if (group.length === 0) continue;
    blocks.push({ type: 'p', text: `${heading} (${group.length})` });
    for (const { programme } of group) {
      blocks.push({ type: 'facts', rows: programmeFacts(programme, today) });
      blocks.push({
        type: 'action',
        label: `${programme.links[0]!.label} (offizielle Quelle)`,
        url: programme.links[0]!.url,
      });
    }
  }
  blocks.push(...subscriptionBlocks(links));
  const body = renderMail({ greeting: 'Guten Tag,', blocks, footer: footerOf(ctx) });
  return {
    subject: `Förderprogramme: Ihre Wochenübersicht (${items.length} ${items.length === 1 ? 'Hinweis' : 'Hinweise'})`,
    ...body,
    links,
  };
}
