import { describe, expect, it } from 'vitest';
import { classifySmtpError } from '../../../../channels/email/send.ts';

describe('classifySmtpError', () => {
  it('treats a 5xx reply as permanent and keeps the server text', () => {
    const r = classifySmtpError({ responseCode: 550, response: '550 5.1.1 user unknown', code: 'EENVELOPE' });
    expect(r).toEqual({ ok: false, permanent: true, error: '550 5.1.1 user unknown', code: '550' });
  });
  it('treats a 4xx reply as transient', () => {
    expect(classifySmtpError({ responseCode: 451, response: '451 try later' }).permanent).toBe(false);
  });
  it('lets a 4xx reply win over a generic message error code', () => {
    expect(classifySmtpError({ responseCode: 451, code: 'EMESSAGE', response: '451 4.3.0 later' }).permanent).toBe(false);
  });
  it('treats a refused connection as transient', () => {
    const r = classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:1' });
    expect(r.permanent).toBe(false);
    expect(r.code).toBe('ECONNECTION');
  });
  it('treats rejected credentials as permanent', () => {
    expect(classifySmtpError({ code: 'EAUTH', message: 'Invalid login' }).permanent).toBe(true);
  });
  it('copes with a non-error value', () => {
    expect(classifySmtpError('boom')).toMatchObject({ ok: false, permanent: false, error: 'boom' });
  });
});
