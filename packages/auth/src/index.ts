export { Account, type AccountDoc, type Role } from './models/account';
export { ApiToken } from './models/api-token';
export { Organisation, type OrganisationDoc } from './models/organisation';
export { newToken, hashToken, safeEqual } from './token-hash';
export { issueApiToken, revokeApiToken } from './issue-api-token';
export { authenticateToken, principalOf, type Principal } from './authenticate-token';
export {
  canManageOrganisation,
  canViewOrganisation,
  membershipsOf,
  assertCanManageOrganisation,
  assertCanViewOrganisation,
  type Membership,
  type MembershipRole,
  assertAuthenticated,
  assertRole,
} from './access-rules';
export { authenticate, requireAuth, requireRole } from './middleware';
export { ensureFirstAdmin } from './ensure-first-admin';
