import { AppError } from '@qn/domain';
import { Organisation, type OrganisationDoc } from './models/organisation';
import { checkOrganisationFields, type OrganisationFields } from './organisation-fields';

/**
 * Renames or re-types an organisation. The id stays: events, memberships and exports refer to
 * it. Returns the names of the fields that changed (for the audit log).
 */
export async function updateOrganisation(
  organisationId: string,
  fields: OrganisationFields,
): Promise<{ organisation: OrganisationDoc; changed: string[] }> {
  const current = await Organisation.findById(organisationId).lean();
  if (!current) throw AppError.notFound('Organisation nicht gefunden.');
  const clean = checkOrganisationFields(fields);
  const changed = (['name', 'actorType', 'municipality'] as const).filter(
    (k) => (current[k] ?? undefined) !== clean[k],
  );
  if (changed.length) {
    await Organisation.updateOne(
      { _id: organisationId },
      clean.municipality
        ? { $set: clean }
        : { $set: { name: clean.name, actorType: clean.actorType }, $unset: { municipality: 1 } },
    );
  }
  return { organisation: { ...current, ...clean }, changed };
}

/** Deactivates (or reactivates) an organisation; a repeat changes nothing. */
export async function setOrganisationActive(organisationId: string, active: boolean): Promise<boolean> {
  const current = await Organisation.findById(organisationId).lean();
  if (!current) throw AppError.notFound('Organisation nicht gefunden.');
  if (active === !current.disabledAt) return false;
  await Organisation.updateOne(
    { _id: organisationId },
    active ? { $unset: { disabledAt: 1 } } : { $set: { disabledAt: new Date() } },
  );
  return true;
}

/**
 * All organisations by name. The collection holds the county's actors (tens, not thousands),
 * so reading it whole is fine on FerretDB too.
 */
export async function listOrganisations(
  opts: { includeDisabled?: boolean } = {},
): Promise<OrganisationDoc[]> {
  const all = await Organisation.find().lean();
  return all
    .filter((o) => opts.includeDisabled || !o.disabledAt)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

export async function findOrganisation(organisationId: string): Promise<OrganisationDoc> {
  const org = await Organisation.findById(organisationId).lean();
  if (!org) throw AppError.notFound('Organisation nicht gefunden.');
  return org;
}
