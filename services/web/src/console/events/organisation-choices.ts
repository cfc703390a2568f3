import { canManageOrganisation, listOrganisations, type Principal } from '@qn/auth';

/**
 * The organisations a new event or series may belong to: every active one for admins, those
 * an organiser organises when there is more than one to choose from (else undefined: the
 * form asks nothing and the principal's own organisation is taken).
 */
export async function organisationChoices(p: Principal): Promise<{ id: string; name: string }[] | undefined> {
  const own = (await listOrganisations()).filter((o) => canManageOrganisation(p, o._id));
  if (p.role !== 'admin' && own.length < 2) return undefined;
  return own.map((o) => ({ id: o._id, name: o.name }));
}
