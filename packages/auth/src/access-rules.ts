import { AppError } from '@qn/domain';
import type { Principal } from './authenticate-token';

/** What an account may do in one organisation: organisers change things, viewers only read. */
export type MembershipRole = 'organiser' | 'viewer';
export type Membership = { organisationId: string; role: MembershipRole };

/**
 * The principal's memberships. A principal built from an account of the older shape (one
 * `organisationId`, no memberships) is an organiser of that organisation, so existing data and
 * callers keep working.
 */
export function membershipsOf(p: Principal): Membership[] {
  if (p.memberships) return p.memberships;
  return p.role === 'organiser' && p.organisationId
    ? [{ organisationId: p.organisationId, role: 'organiser' }]
    : [];
}

/** Admins manage everything; an organiser only what belongs to an organisation they organise. */
export function canManageOrganisation(p: Principal, organisationId: string | undefined | null): boolean {
  if (p.role === 'admin') return true;
  if (!organisationId) return false;
  return membershipsOf(p).some((m) => m.organisationId === organisationId && m.role === 'organiser');
}

/** Reading (events, attendees, exports): admins everything, members of either role their own. */
export function canViewOrganisation(p: Principal, organisationId: string | undefined | null): boolean {
  if (p.role === 'admin') return true;
  if (!organisationId) return false;
  return membershipsOf(p).some((m) => m.organisationId === organisationId);
}

export function assertCanManageOrganisation(
  p: Principal | undefined,
  organisationId: string | undefined | null,
): Principal {
  const principal = assertAuthenticated(p);
  if (!canManageOrganisation(principal, organisationId)) throw AppError.forbidden();
  return principal;
}

export function assertCanViewOrganisation(
  p: Principal | undefined,
  organisationId: string | undefined | null,
): Principal {
  const principal = assertAuthenticated(p);
  if (!canViewOrganisation(principal, organisationId)) throw AppError.forbidden();
  return principal;
}

export function assertAuthenticated(p: Principal | undefined): Principal {
  if (!p) throw new AppError('unauthenticated', 'Anmeldung erforderlich.');
  return p;
}

export function assertRole(p: Principal | undefined, role: Principal['role']): Principal {
  const principal = assertAuthenticated(p);
  if (principal.role !== role && principal.role !== 'admin') throw AppError.forbidden();
  return principal;
}
