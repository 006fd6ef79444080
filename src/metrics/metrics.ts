// Prometheus metrics of one process (prom-client), in a registry of its own (a test running several
// Parleys in one process keeps them apart). Domain code records through the small methods below,
// which only touch in-memory counters: nothing on a hot path awaits or does I/O. What has to be
// asked for (queue depths, socket counts) is read when Prometheus scrapes, by collectors the
// process kinds register (queue-metrics.ts, the realtime gateway).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a webhook request came to, as the webhook route classifies it. */
export type WebhookOutcome = 'accepted' | 'duplicate' | 'bad_signature' | 'unknown_channel' | 'refused' | 'unavailable' | 'error';
export type DeliveryFailure = 'transient' | 'rate_limited' | 'permanent' | 'dead_letter';

export interface Metrics {
  readonly registry: Registry;
  webhook(channel: string, outcome: WebhookOutcome): void;
  /** From the moment the edge stored a customer's message to its publication to the agents. */
  ingestToAgent(seconds: number): void;
  slaBreach(metric: string): void;
  deliveryFailure(channel: string, kind: DeliveryFailure): void;
  /** A finished job: how long it waited in its queue and how long it ran. */
  job(queue: string, outcome: 'completed' | 'failed', waitSeconds: number, runSeconds: number): void;
  /** A gauge read at each scrape; collectors given under one name add up (two API servers in one process). */
  gauge(name: string, help: string, labelNames: string[], collect: () => Promise<{ labels: Record<string, string>; value: number }[]> | { labels: Record<string, string>; value: number }[]): void;
}

const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export function createMetrics(opts: { process: string; defaults?: boolean } = { process: 'parley' }): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ process: opts.process });
  if (opts.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  const webhooks = new Counter({ name: 'parley_webhooks_total', help: 'Webhook requests by channel kind and outcome', labelNames: ['channel', 'outcome'], registers: [registry] });
  const ingestToAgent = new Histogram({ name: 'parley_ingest_to_agent_seconds', help: 'From a customer message stored at the edge to its publication to agents', buckets: LATENCY_BUCKETS, registers: [registry] });
  const breaches = new Counter({ name: 'parley_sla_breaches_total', help: 'SLA breaches recorded, by metric', labelNames: ['metric'], registers: [registry] });
  const deliveries = new Counter({ name: 'parley_delivery_failures_total', help: 'Failed outbound delivery attempts by channel kind and kind of failure', labelNames: ['channel', 'kind'], registers: [registry] });
  const jobWait = new Histogram({ name: 'parley_job_wait_seconds', help: 'Time a job waited in its queue before a worker took it', labelNames: ['queue'], buckets: LATENCY_BUCKETS, registers: [registry] });
  const collectors = new Map<string, Parameters<Metrics['gauge']>[3][]>();
  const jobRun = new Histogram({ name: 'parley_job_duration_seconds', help: 'Time a worker spent on a job, by outcome', labelNames: ['queue', 'outcome'], buckets: LATENCY_BUCKETS, registers: [registry] });
  return {
    registry,
    webhook: (channel, outcome) => webhooks.inc({ channel, outcome }),
    ingestToAgent: (seconds) => ingestToAgent.observe(Math.max(0, seconds)),
    slaBreach: (metric) => breaches.inc({ metric }),
    deliveryFailure: (channel, kind) => deliveries.inc({ channel, kind }),
    job(queue, outcome, waitSeconds, runSeconds) {
      jobWait.observe({ queue }, Math.max(0, waitSeconds));
      jobRun.observe({ queue, outcome }, Math.max(0, runSeconds));
    },
    gauge(name, help, labelNames, collect) {
      const known = collectors.get(name);
      if (known) {
        known.push(collect);
        return;
      }
      const sources = [collect];
      collectors.set(name, sources);
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          for (const rows of await Promise.all(sources.map((source) => source()))) {
            for (const { labels, value } of rows) this.inc(labels, value);
          }
        },
      });
    },
  };
}
