import { loadConfig, ConfigError } from './load-config';

const valid = {
  MONGODB_URL: 'mongodb://127.0.0.1:27017/qn',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  SECRET_KEY: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults to a minimal valid environment', () => {
    const c = loadConfig(valid);
    expect(c.PORT).toBe(3000);
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('names every missing or malformed variable', () => {
    try {
      loadConfig({ PORT: 'abc', SMTP_URL: 'http://x' });
      throw new Error('should have failed');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const names = (err as ConfigError).issues.map((i) => i.variable).sort();
      expect(names).toEqual(['MONGODB_URL', 'PORT', 'SECRET_KEY', 'SMTP_URL']);
      expect((err as Error).message).toContain('MONGODB_URL');
    }
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig(valid))).toBe(true);
  });

  it('reads TRUST_PROXY as false, a hop count or a list of addresses, subnets and keywords', () => {
    expect(loadConfig(valid).TRUST_PROXY).toEqual(['loopback']);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'loopback, 172.18.0.0/16,fd00::/8' }).TRUST_PROXY).toEqual([
      'loopback',
      '172.18.0.0/16',
      'fd00::/8',
    ]);
    for (const bad of ['nginx', 'true', 'loopback,', '10.0.0.0/8;rm']) {
      expect(() => loadConfig({ ...valid, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('reads the funding tunables: reminder days as a sorted list, a cron pattern, a bounded TTL', () => {
    const c = loadConfig({
      ...valid,
      FUNDING_REMINDER_DAYS_BEFORE: '3,30,14,3',
      FUNDING_DIGEST_CRON: '0 8 * * 5',
    });
    expect(c.FUNDING_REMINDER_DAYS_BEFORE).toEqual([30, 14, 3]);
    expect(c.FUNDING_DIGEST_CRON).toBe('0 8 * * 5');
    expect(loadConfig(valid).FUNDING_REMINDER_DAYS_BEFORE).toEqual([14, 3]);
    for (const bad of [
      { FUNDING_REMINDER_DAYS_BEFORE: '14;3' },
      { FUNDING_DIGEST_CRON: 'montags' },
      { FUNDING_PENDING_TTL_HOURS: '0' },
    ]) {
      expect(() => loadConfig({ ...valid, ...bad })).toThrow(Object.keys(bad)[0]);
    }
  });

  it('refuses an http PUBLIC_URL in production, allows it elsewhere', () => {
    const prod = { ...valid, NODE_ENV: 'production' };
    expect(() => loadConfig({ ...prod, PUBLIC_URL: 'http://quartiersnetz.example.org' })).toThrow(
      /PUBLIC_URL: must be https when NODE_ENV=production/,
    );
    expect(loadConfig({ ...prod, PUBLIC_URL: 'https://quartiersnetz.example.org' }).PUBLIC_URL).toBe(
      'https://quartiersnetz.example.org',
    );
    expect(loadConfig({ ...valid, PUBLIC_URL: 'http://127.0.0.1:3000' }).NODE_ENV).toBe('development');
  });
});
