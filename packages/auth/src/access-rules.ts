import { AppError } from '@qn/domain';
import type { Principal } from './authenticate-token';

/** Admins manage everything; an organiser only what belongs to their own organisation. */
export function canManageOrganisation(p: Principal, organisationId: string | undefined | null): boolean {
  return (
    p.role === 'admin' || (p.role === 'organiser' && !!organisationId && p.organisationId === organisationId)
  );
}

export function assertCanManageOrganisation(
  p: Principal | undefined,
  organisationId: string | undefined | null,
): Principal {
  const principal = assertAuthenticated(p);
  if (!canManageOrganisation(principal, organisationId)) throw AppError.forbidden();
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
