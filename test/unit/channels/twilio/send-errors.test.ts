// Which Twilio failures are worth retrying: 5xx, 429 and no answer at all; every other 4xx is final.
import { describe, expect, it } from 'vitest';
import { classifyTwilioError } from '../../../../channels/twilio/send-message.ts';

const rest = (status: number, code: number, message: string) => Object.assign(new Error(message), { status, code, moreInfo: `https://www.twilio.com/docs/errors/${code}` });

describe('classifyTwilioError', () => {
  it('treats an invalid number and an unsubscribed recipient as permanent, with the Twilio code', () => {
    expect(classifyTwilioError(rest(400, 21211, "The 'To' number +1 is not a valid phone number."))).toEqual({ ok: false, permanent: true, error: "The 'To' number +1 is not a valid phone number.", code: '21211' });
    expect(classifyTwilioError(rest(400, 21610, 'Attempt to send to unsubscribed recipient'))).toMatchObject({ permanent: true, code: '21610' });
    expect(classifyTwilioError(rest(401, 20003, 'Authenticate'))).toMatchObject({ permanent: true });
  });

  it('retries server errors and rate limits', () => {
    expect(classifyTwilioError(rest(503, 20503, 'Service Unavailable'))).toMatchObject({ permanent: false, code: '20503' });
    expect(classifyTwilioError(rest(429, 20429, 'Too Many Requests'))).toMatchObject({ permanent: false, code: '20429' });
  });

  it('retries a request that got no answer', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(classifyTwilioError(refused)).toEqual({ ok: false, permanent: false, error: 'connect ECONNREFUSED 127.0.0.1:9', code: 'ECONNREFUSED' });
  });

  it('names the HTTP status when Twilio gave no code', () => {
    expect(classifyTwilioError({ status: 502, message: '[HTTP 502] Failed to execute request' })).toMatchObject({ permanent: false, code: 'HTTP 502' });
  });
});
