import { indexPolicyOf } from './model-indexes';

describe('indexPolicyOf', () => {
  it('builds only unique indexes on FerretDB 1.x', () => {
    expect(indexPolicyOf({ ferretdbVersion: 'v1.24.2' })).toBe('unique-only');
    expect(indexPolicyOf({ ferretdbVersion: '1.24.0' })).toBe('unique-only');
  });

  it('builds every declared index on MongoDB and on FerretDB releases not measured', () => {
    expect(indexPolicyOf({})).toBe('all');
    expect(indexPolicyOf({ ferretdbVersion: 'v2.1.0' })).toBe('all');
  });
});
