import { isAppError } from '@qn/domain';
import {
  assertCanManageOrganisation,
  assertCanViewOrganisation,
  canManageOrganisation,
  canViewOrganisation,
  membershipsOf,
} from './access-rules';
import type { Principal } from './authenticate-token';

const base = { accountId: 'a1', email: 'x@example.org' };
const admin: Principal = { ...base, role: 'admin' };
const legacyOrganiser: Principal = { ...base, role: 'organiser', organisationId: 'org-a' };
const member: Principal = {
  ...base,
  role: 'organiser',
  organisationId: 'org-a',
  memberships: [
    { organisationId: 'org-a', role: 'organiser' },
    { organisationId: 'org-b', role: 'viewer' },
  ],
};
const viewerOnly: Principal = {
  ...base,
  role: 'organiser',
  memberships: [{ organisationId: 'org-b', role: 'viewer' }],
};

function forbidden(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch (err) {
    return isAppError(err) && err.code === 'forbidden';
  }
}

describe('access rules', () => {
  it('reads an account of the older one-organisation shape as organiser of it', () => {
    expect(membershipsOf(legacyOrganiser)).toEqual([{ organisationId: 'org-a', role: 'organiser' }]);
    expect(canManageOrganisation(legacyOrganiser, 'org-a')).toBe(true);
    expect(canManageOrganisation(legacyOrganiser, 'org-b')).toBe(false);
    expect(canViewOrganisation(legacyOrganiser, 'org-a')).toBe(true);
  });

  it('lets admins manage and view every organisation', () => {
    expect(canManageOrganisation(admin, 'org-z')).toBe(true);
    expect(canViewOrganisation(admin, 'org-z')).toBe(true);
    expect(membershipsOf(admin)).toEqual([]);
  });

  it('gives each organisation its own role: organiser changes, viewer only reads', () => {
    expect(canManageOrganisation(member, 'org-a')).toBe(true);
    expect(canManageOrganisation(member, 'org-b')).toBe(false);
    expect(canViewOrganisation(member, 'org-b')).toBe(true);
    expect(canViewOrganisation(member, 'org-c')).toBe(false);
    // Memberships decide, not the older single field.
    expect(canManageOrganisation(viewerOnly, 'org-b')).toBe(false);
    expect(canViewOrganisation(viewerOnly, 'org-b')).toBe(true);
  });

  it('never matches a missing organisation', () => {
    for (const orgId of [undefined, null, '']) {
      expect(canManageOrganisation(member, orgId)).toBe(false);
      expect(canViewOrganisation(member, orgId)).toBe(false);
    }
  });

  it('throws forbidden for a change a viewer tries, and unauthenticated without a principal', () => {
    expect(forbidden(() => assertCanManageOrganisation(viewerOnly, 'org-b'))).toBe(true);
    expect(assertCanViewOrganisation(viewerOnly, 'org-b')).toBe(viewerOnly);
    expect(forbidden(() => assertCanViewOrganisation(viewerOnly, 'org-a'))).toBe(true);
    expect(() => assertCanViewOrganisation(undefined, 'org-b')).toThrow(/Anmeldung/);
  });
});
