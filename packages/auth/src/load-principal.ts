import { Organisation } from './models/organisation';
import type { AccountDoc } from './models/account';
import { membershipsOf } from './access-rules';
import { principalOf, type Principal } from './principal-of';

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
  // Only a deactivated organisation takes rights away; one without a document (older data,
  // imports) is left as it was.
  const memberships = ms.map((m, i) => (orgs[i]?.disabledAt ? { ...m, role: 'viewer' as const } : m));
  return {
    ...p,
    memberships,
    organisationId: memberships.find((m) => m.role === 'organiser')?.organisationId,
  };
}
