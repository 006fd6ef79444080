import { readFileSync } from 'node:fs';
import { twilioSender } from './test/reliability/support/senders.ts';
import { startBenchCluster, SMS_NUMBER, TWILIO } from './test/bench/support/bench-cluster.ts';
const cpuMs = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const prof = process.argv[3];
const c = await startBenchCluster({ workerCount: 0, apiNodeFlags: prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [] });
const send = twilioSender({ apiUrl: c.apiUrl, publicUrl: c.apiUrl, authToken: TWILIO.authToken, path: '/webhooks/twilio/messages' });
const tag = Math.random().toString(36).slice(2, 8);
const params = (i: number) => ({ MessageSid: `SM${tag}${String(i).padStart(26, '0')}`, AccountSid: TWILIO.accountSid, From: `+1415${String(2_000_000 + (i % 100)).padStart(7, '0')}`, To: SMS_NUMBER, Body: `Hello ${i}`, NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01' });
const burst = async (from: number, n: number) => { let next = from; const lat: number[] = []; const t0 = performance.now(); let bad = 0;
  await Promise.all(Array.from({ length: 32 }, async () => { while (next < from + n) { const i = next++; const t = performance.now(); if ((await send(params(i))) !== 'accepted') bad++; lat.push(performance.now() - t); } }));
  lat.sort((a, b) => a - b); return { perS: (n / ((performance.now() - t0) / 1000)).toFixed(0), p50: lat[n >> 1]!.toFixed(1), p99: lat[Math.floor(n * .99)]!.toFixed(1), bad }; };
try {
  await burst(0, 300);
  const N = Number(process.argv[2] ?? 3000); const cpu0 = cpuMs(c.api.child.pid!); const me0 = process.cpuUsage();
  const r = await burst(1000, N);
  console.log({ ...r, cpuMsPerWebhook: ((cpuMs(c.api.child.pid!) - cpu0) / N).toFixed(2), senderCpuMsPerWebhook: (((u) => (u.user + u.system) / 1000)(process.cpuUsage(me0)) / N).toFixed(2) });
} finally { await c.close(); }
