export { Account, type AccountDoc, type Role } from './models/account';
export { ApiToken } from './models/api-token';
export { Organisation, type OrganisationDoc } from './models/organisation';
export { newToken, hashToken, safeEqual } from './token-hash';
export { issueApiToken, createApiToken, apiTokenNameProblem, API_TOKEN_NAME_MAX } from './issue-api-token';
export { revokeApiToken } from './revoke-api-token';
export { listApiTokens, listAllApiTokens, findApiToken, type ApiTokenView } from './list-api-tokens';
export { recordApiTokenUse, TOKEN_USE_INTERVAL_MS } from './record-api-token-use';
export { ApiTokenUse } from './models/api-token-use';
export { createAdmin, createAdminIssues, type CreateAdminResult } from './create-admin';
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
export { type OrganisationFields, ORGANISATION_NAME_MAX, organisationIdOf } from './organisation-fields';
export { createOrganisation } from './create-organisation';
export {
  updateOrganisation,
  setOrganisationActive,
  listOrganisations,
  findOrganisation,
} from './update-organisation';
export { type AccountDeps } from './account-lock';
export { inviteAccount, type Grant } from './invite-account';
export {
  setMembership,
  setAdmin,
  setAccountActive,
  removeAccount,
  noteSignIn,
  listAccounts,
  findAccount,
} from './change-account';
export { loadPrincipal } from './load-principal';
