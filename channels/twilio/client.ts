// A Twilio REST client for one channel's credentials, made per call (nothing cached per tenant).
// With an API base set for the instance (TWILIO_API_BASE), every request the SDK makes to *.twilio.com goes to that base instead:
// the SDK's own RequestClient does the work, only the URL's origin changes.
import twilio from 'twilio';
import type { TwilioSettings } from './schema.ts';

type RequestClientOptions = ConstructorParameters<typeof twilio.RequestClient>[0];
type RequestOptions<T> = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0] & { data?: T };

/** Same-shaped Twilio requests sent to another origin (a regional proxy, or a local stand-in). */
class RebasedRequestClient extends twilio.RequestClient {
  readonly #base: URL;

  constructor(base: string, opts: RequestClientOptions) {
    super(opts);
    this.#base = new URL(base);
  }

  override request<T>(opts: RequestOptions<T>) {
    return super.request<T>({ ...opts, uri: rebase(opts.uri, this.#base) });
  }
}

function rebase(uri: string, base: URL): string {
  const url = new URL(uri);
  if (!url.hostname.endsWith('twilio.com')) return uri;
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${url.pathname}${url.search}`;
}

const REQUEST_TIMEOUT_MS = 15_000;

export function createTwilioClient(settings: TwilioSettings, apiBase: string | null): twilio.Twilio {
  const httpClient = apiBase ? new RebasedRequestClient(apiBase, { timeout: REQUEST_TIMEOUT_MS }) : undefined;
  // Credentials always come from the channel; autoRetry stays off: the deliver worker owns retries.
  return twilio(settings.accountSid, settings.authToken, { httpClient, timeout: REQUEST_TIMEOUT_MS, autoRetry: false });
}

/** The origins that may receive the channel's credentials (media downloads follow redirects elsewhere). */
export function isTwilioApiOrigin(url: URL, apiBase: string | null): boolean {
  if (apiBase && url.origin === new URL(apiBase).origin) return true;
  return url.protocol === 'https:' && (url.hostname === 'api.twilio.com' || url.hostname.endsWith('.twilio.com'));
}
