import { describe, expect, it } from 'vitest';
import { healthUrl } from '../../../src/health/probe-health.ts';

describe('healthUrl', () => {
  it('asks the API on PORT and the workers on HEALTH_PORT', () => {
    const config = { HOST: '0.0.0.0', PORT: 3000, HEALTH_PORT: 3001 };
    expect(healthUrl(config, 'api')).toBe('http://127.0.0.1:3000/healthz');
    expect(healthUrl(config, 'workers')).toBe('http://127.0.0.1:3001/healthz');
    expect(healthUrl(config, 'api', 'readyz')).toBe('http://127.0.0.1:3000/readyz');
    expect(healthUrl(config, 'workers', 'readyz')).toBe('http://127.0.0.1:3001/readyz');
  });

  it('uses the address the process listens on when it is not a wildcard', () => {
    expect(healthUrl({ HOST: '10.0.0.5', PORT: 3000, HEALTH_PORT: undefined }, 'api')).toBe('http://10.0.0.5:3000/healthz');
    expect(healthUrl({ HOST: '::1', PORT: 3000, HEALTH_PORT: undefined }, 'api')).toBe('http://[::1]:3000/healthz');
  });

  it('fails for the workers when HEALTH_PORT is not set', () => {
    expect(() => healthUrl({ HOST: '0.0.0.0', PORT: 3000, HEALTH_PORT: undefined }, 'workers')).toThrow(/HEALTH_PORT is not set/);
  });
});
