import { Organisation } from './models/organisation';
import type { AccountDoc } from './models/account';
import { membershipsOf } from './access-rules';
import { principalOf, type Principal } from './authenticate-token';

/**
 * The principal of an account as its organisations stand now: in a deactivated organisation
 * its members may still read (their events' history) but change nothing. One look-up by `_id`
 * per membership.
 */
export async function loadPrincipal(account: AccountDoc): Promise<Principal> {
  const p = principalOf(account);
  if (p.role === 'admin') return p;
  const ms = membershipsOf(p);
  const orgs = await Promise.all(
    ms.map((m) => Organisation.findById(m.organisationId, { disabledAt: 1 }).lean()),
  );
  const memberships = ms.map((m, i) =>
    orgs[i] && !orgs[i].disabledAt ? m : { ...m, role: 'viewer' as const },
  );
  return {
    ...p,
    memberships,
    organisationId: memberships.find((m) => m.role === 'organiser')?.organisationId,
  };
}
