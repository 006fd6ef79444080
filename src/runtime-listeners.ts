// Starts the channels' long-lived inbound listeners from the registry: those that run in this
// process kind (the API serves connections, workers poll), each with its own ListenerContext.
import { channelKinds } from '../channels/registry.ts';
import type { ApiServices, ListenerSettings, RunningListener } from '../channels/types.ts';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import type { Leases } from './cluster/leases.ts';
import { createListenerContext, type ScheduleEvery } from './domain/inbound/listener-context.ts';

export interface RunningListeners {
  /** Listeners by `<kind>.<name>` (e.g. email.smtp). */
  readonly byName: ReadonlyMap<string, RunningListener>;
  /** The port a listener listens on; throws when it does not listen. */
  port(name: string): number;
  close(): Promise<void>;
}

export function listenerSettings(config: Config): ListenerSettings {
  return {
    smtpInbound: { enabled: config.SMTP_INBOUND_ENABLED, host: config.SMTP_INBOUND_HOST, port: config.SMTP_INBOUND_PORT, maxBytes: config.SMTP_INBOUND_MAX_BYTES, closeTimeoutMs: Math.floor(config.SHUTDOWN_TIMEOUT_MS * 0.7) },
    imapPollSeconds: config.IMAP_POLL_SECONDS,
    telegramPollingAll: config.TELEGRAM_POLLING,
    trustProxy: config.TRUST_PROXY,
  };
}

export async function startListeners(
  deps: Deps,
  input: { config: Config; runsIn: 'api' | 'workers'; api: ApiServices | null; every: ScheduleEvery | null; leases: Leases | null },
): Promise<RunningListeners> {
  const byName = new Map<string, RunningListener>();
  const settings = listenerSettings(input.config);
  try {
    for (const kind of channelKinds) {
      for (const listener of deps.adapterFor(kind).listeners ?? []) {
        if (listener.runsIn !== input.runsIn) continue;
        const ctx = createListenerContext(deps, { kind, name: listener.name, settings, api: input.api, every: input.every, leases: input.leases });
        byName.set(`${kind}.${listener.name}`, await listener.start(ctx));
      }
    }
  } catch (err) {
    for (const running of byName.values()) await running.stop().catch(() => undefined);
    throw err;
  }
  return {
    byName,
    port(name) {
      const port = byName.get(name)?.address?.port;
      if (port === undefined) throw new Error(`listener ${name} does not listen on a port`);
      return port;
    },
    async close() {
      for (const [name, running] of [...byName].reverse()) {
        await running.stop().catch((err: unknown) => deps.log.error({ err, listener: name }, 'error while stopping a listener'));
      }
    },
  };
}
