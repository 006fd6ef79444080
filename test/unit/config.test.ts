import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('loadConfig', () => {
  it('fills defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.SMTP_INBOUND_PORT).toBe(2525);
    expect(c.QUEUE_PREFIX).toBe('parley');
    expect(c.SEED_DEMO).toBe(true);
  });

  it('coerces numbers and booleans from strings', () => {
    const c = loadConfig({ PORT: '8080', SEED_DEMO: 'false', COOKIE_SECURE: '1' });
    expect(c.PORT).toBe(8080);
    expect(c.SEED_DEMO).toBe(false);
    expect(c.COOKIE_SECURE).toBe(true);
  });

  it('seeds the demo by default, but not in production unless SEED_DEMO asks for it', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).SEED_DEMO).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).SEED_DEMO).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
  });

  it('refuses private hosts in production unless ALLOW_PRIVATE_HOSTS allows them', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).ALLOW_PRIVATE_HOSTS).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_PRIVATE_HOSTS: 'true' }).ALLOW_PRIVATE_HOSTS).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).ALLOW_PRIVATE_HOSTS).toBe(true);
    expect(loadConfig({ ALLOW_PRIVATE_HOSTS: 'false' }).ALLOW_PRIVATE_HOSTS).toBe(false);
  });

  it('takes the provider API endpoints from the environment, defaulting to the providers’ own', () => {
    expect(loadConfig({}).TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(loadConfig({}).TWILIO_API_BASE).toBeUndefined();
    expect(loadConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081', TWILIO_API_BASE: 'http://127.0.0.1:8082' })).toMatchObject({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081', TWILIO_API_BASE: 'http://127.0.0.1:8082' });
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'file:///etc/passwd' })).toThrow(/TELEGRAM_API_ROOT/);
  });

  it('reaches Parley on its own port unless PUBLIC_URL says otherwise', () => {
    expect(loadConfig({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '0' }).PUBLIC_URL).toBe('http://localhost');
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://help.acme.example' }).PUBLIC_URL).toBe('https://help.acme.example');
  });

  it('names every bad variable and the value it got', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('"eighty"');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('LOG_LEVEL');
  });

  it('serves a worker health port only when HEALTH_PORT is set', () => {
    expect(loadConfig({}).HEALTH_PORT).toBeUndefined();
    expect(loadConfig({ HEALTH_PORT: '3001' }).HEALTH_PORT).toBe(3001);
    expect(() => loadConfig({ HEALTH_PORT: 'health' })).toThrow(/HEALTH_PORT/);
  });

  it('marks the session cookie Secure when Parley is served over https, unless COOKIE_SECURE says otherwise', () => {
    expect(loadConfig({}).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://help.acme.example' }).COOKIE_SECURE).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://help.acme.example' }).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://help.acme.example', COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000', COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(true);
  });

  it('ends idle sessions after 8 hours and hashes passwords at OWASP cost by default; refuses a cost too low to mean anything', () => {
    expect(loadConfig({})).toMatchObject({ SESSION_IDLE_MINUTES: 480, PASSWORD_HASH_COST: 17, PASSWORD_HASH_CONCURRENCY: 2 });
    expect(() => loadConfig({ PASSWORD_HASH_COST: '4' })).toThrow(/PASSWORD_HASH_COST/);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
});
