import { ACTOR_TYPES, FIELDS_OF_ACTION, FUNDING_PROVIDERS, labelOf, municipalityName } from '@qn/domain';
import { isClosedOn, isOpenOn, OPEN_END, type ProgrammeDoc } from '@qn/funding';
import { formatDate, formatEuro, type PageContext } from '@qn/web-ui';
import { closedWords } from './closed-words';

/** Labels for a programme's facts in the page's language (vocabulary from @qn/domain). */
export function providerLabel(ctx: PageContext, p: Pick<ProgrammeDoc, 'provider'>): string {
  return labelOf(FUNDING_PROVIDERS, p.provider, ctx.lang);
}

export function fieldsLabel(ctx: PageContext, p: Pick<ProgrammeDoc, 'fieldsOfAction'>): string {
  return p.fieldsOfAction.map((f) => labelOf(FIELDS_OF_ACTION, f, ctx.lang)).join(', ');
}

export function applicantsLabel(ctx: PageContext, p: Pick<ProgrammeDoc, 'applicantTypes'>): string {
  return p.applicantTypes.map((a) => labelOf(ACTOR_TYPES, a, ctx.lang)).join(', ');
}

export function regionLabel(ctx: PageContext, p: Pick<ProgrammeDoc, 'region'>): string {
  if (p.region.scope === 'state') return ctx.t('funding.region.state');
  if (p.region.scope === 'county') return ctx.t('funding.region.county');
  return p.region.municipalities.map(municipalityName).join(', ');
}

/** A calendar date (`YYYY-MM-DD`) as "3. Dezember 2026"; noon UTC keeps it on its day everywhere. */
export function dateLabel(ctx: PageContext, date: string): string {
  return formatDate(new Date(`${date}T12:00:00Z`), ctx.lang, 'UTC');
}

export function amountLabel(ctx: PageContext, p: Pick<ProgrammeDoc, 'amount'>): string | undefined {
  const a = p.amount;
  if (!a) return undefined;
  const eur = (n: number) => formatEuro(n, ctx.lang);
  const range =
    a.min !== undefined && a.max !== undefined
      ? ctx.t('funding.amountRange', { min: eur(a.min), max: eur(a.max) })
      : a.min !== undefined
        ? ctx.t('funding.amountFrom', { min: eur(a.min) })
        : a.max !== undefined
          ? ctx.t('funding.amountUpTo', { max: eur(a.max) })
          : '';
  return [range, a.note].filter(Boolean).join(' – ') || undefined;
}

export function statusLine(ctx: PageContext, p: ProgrammeDoc, today: string): string {
  if (isClosedOn(p, today)) {
    const w = closedWords[ctx.lang];
    return p.openUntil === OPEN_END
      ? w.closed
      : `${w.closed} · ${w.lastDeadline(dateLabel(ctx, p.openUntil))}`;
  }
  const open = isOpenOn(p, today);
  const next = p.deadlines.find((d) => d >= today);
  const parts = [open ? ctx.t('funding.open') : ctx.t('funding.closed')];
  if (next) parts.push(ctx.t('funding.nextDeadline', { date: dateLabel(ctx, next) }));
  else if (p.rolling || p.openUntil === OPEN_END) parts.push(ctx.t('funding.rolling'));
  return parts.join(' · ');
}
