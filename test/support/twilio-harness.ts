// A harness with Twilio channels in front of the local fake Twilio: the channels get the fake's
// credentials, Parley's TWILIO_API_BASE points at it, an admin is logged in, and `post` sends
// webhooks signed as Twilio signs them for the public URL Parley is configured with.
import type { Clock } from '../../src/clock.ts';
import { startFakeTwilio, twilioWebhookPoster, type FakeTwilio } from './fake-twilio.ts';
import { startHarness, type Harness, type HarnessOptions } from './harness.ts';

export const TWILIO_PUBLIC_URL = 'https://parley.example.test';

export interface TwilioHarness {
  h: Harness;
  fake: FakeTwilio;
  /** The first (admin) agent's session token. */
  admin: string;
  post: ReturnType<typeof twilioWebhookPoster>;
  close(): Promise<void>;
}

export async function startTwilioHarness(opts: {
  /** The channels, given the fake's account credentials to put in their settings. */
  channels: (credentials: { accountSid: string; authToken: string }) => NonNullable<HarnessOptions['channels']>;
  env?: Record<string, string>;
  clock?: Clock;
}): Promise<TwilioHarness> {
  const fake = await startFakeTwilio();
  const h = await startHarness({
    env: { PUBLIC_URL: TWILIO_PUBLIC_URL, TWILIO_API_BASE: fake.url, ...opts.env },
    ...(opts.clock ? { clock: opts.clock } : {}),
    channels: opts.channels({ accountSid: fake.accountSid, authToken: fake.authToken }),
  });
  const admin = await h.login(h.workspace.agents[0]!.email);
  const post = twilioWebhookPoster({ apiUrl: h.apiUrl, publicUrl: TWILIO_PUBLIC_URL, authToken: fake.authToken });
  return {
    h,
    fake,
    admin,
    post,
    async close() {
      await h.close();
      await fake.close();
    },
  };
}
