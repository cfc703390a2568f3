import { bounceHookSecret, signLinkToken, verifyLinkToken } from './link-tokens';

const secret = 'a-secret-that-is-long-enough-for-tests-123';
const hash = 'ab'.repeat(32);

describe('link tokens', () => {
  it('round-trips every kind', () => {
    for (const t of [
      { kind: 'c' as const, listId: 'L1_-x', addressHash: hash, nonce: 'n0nce' },
      { kind: 'u' as const, listId: 'L1', addressHash: hash },
      { kind: 't' as const, campaignId: 'C9', addressHash: hash },
      { kind: 'k' as const, campaignId: 'C9', link: 12 },
    ])
      expect(verifyLinkToken(signLinkToken(t, secret), secret)).toEqual(t);
  });

  it('refuses a changed part, another secret, another kind and junk', () => {
    const token = signLinkToken({ kind: 'u', listId: 'L1', addressHash: hash }, secret);
    expect(verifyLinkToken(token.replace('L1', 'L2'), secret)).toBeNull();
    expect(verifyLinkToken(token, `${secret}x`)).toBeNull();
    expect(verifyLinkToken(`c${token.slice(1)}`, secret)).toBeNull();
    const click = signLinkToken({ kind: 'k', campaignId: 'C9', link: 1 }, secret);
    expect(verifyLinkToken(click.replace('.1.', '.2.'), secret)).toBeNull();
    for (const junk of ['', '...', 'u.a.b', 'x'.repeat(1000), 'u.<script>.b.c'])
      expect(verifyLinkToken(junk, secret)).toBeNull();
  });

  it('derives a stable bounce hook secret', () => {
    expect(bounceHookSecret(secret)).toBe(bounceHookSecret(secret));
    expect(bounceHookSecret(secret)).not.toBe(bounceHookSecret(`${secret}x`));
  });
});
