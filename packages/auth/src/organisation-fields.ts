import {
  ACTOR_TYPE_KEYS,
  AppError,
  MUNICIPALITY_KEYS,
  municipalityKey,
  textProblem,
  type FieldIssue,
} from '@qn/domain';

/** The limits of an organisation's fields, for the console form and the domain alike. */
export const ORGANISATION_NAME_MAX = 200;

export type OrganisationFields = { name: string; actorType: string; municipality?: string };

/** The id an organisation gets from its name: readable in URLs and exports, stable once made. */
export function organisationIdOf(name: string): string {
  return municipalityKey(name).slice(0, 60).replace(/-$/, '');
}

/** Checks every field and names each one that is wrong. */
export function checkOrganisationFields(f: OrganisationFields): OrganisationFields {
  const issues: FieldIssue[] = [];
  const name = f.name.trim();
  if (!name) issues.push({ field: 'name', message: 'required' });
  else if (name.length > ORGANISATION_NAME_MAX)
    issues.push({ field: 'name', message: `at most ${ORGANISATION_NAME_MAX} characters` });
  else {
    const problem = textProblem(name, 'line');
    if (problem) issues.push({ field: 'name', message: problem });
    else if (!organisationIdOf(name))
      issues.push({ field: 'name', message: 'needs at least one letter or digit' });
  }
  if (!(ACTOR_TYPE_KEYS as readonly string[]).includes(f.actorType))
    issues.push({ field: 'actorType', message: 'unknown actor type' });
  const municipality = f.municipality || undefined;
  if (municipality && !MUNICIPALITY_KEYS.includes(municipality))
    issues.push({ field: 'municipality', message: 'unknown municipality' });
  if (issues.length) throw AppError.validation(issues);
  return { name, actorType: f.actorType, municipality };
}
