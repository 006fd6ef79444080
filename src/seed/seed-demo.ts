// The demo workspace `npm start` creates on an empty database: an admin, two agents, one email
// channel, a website chat, a small knowledge base, and a few customer emails sent through the real
// inbound pipeline.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Db } from '../db/client.ts';
import type { PasswordHasher } from '../domain/auth/password.ts';
import type { Viewer } from '../domain/auth/viewer.ts';
import { acceptInboundEvent } from '../domain/inbound/accept-inbound-event.ts';
import type { Logger } from '../log.ts';
import type { Queues } from '../queues.ts';
import { createWorkspace } from './create-workspace.ts';
import { seedDemoKnowledge } from './seed-demo-knowledge.ts';
import { seedDemoRouting } from './seed-demo-routing.ts';

export interface DemoOptions {
  password: string;
  smtpHost: string;
  smtpPort: number;
}

export const demoAddresses = {
  admin: 'admin@demo.parley.test',
  agents: ['ada@demo.parley.test', 'grace@demo.parley.test'],
  inbox: 'support@demo.parley.test',
  /** The website chat's public key: try it at /widget/demo?channel=demo-website */
  widgetKey: 'demo-website',
};

const demoMails = [
  { from: 'Maria Lopez <maria.lopez@example.com>', subject: 'Order #4821 has not arrived', text: 'Hello,\n\nI ordered a kettle two weeks ago (order #4821) and it still has not arrived. Tracking has not changed since Monday.\n\nCould you check what happened?\n\nMaria' },
  { from: 'Jonas Becker <jonas@example.org>', subject: 'Invoice address wrong', text: 'Hi, the invoice for my last order shows my old address. Can you send a corrected one?\n\nThanks, Jonas' },
  { from: 'Priya Raman <priya.raman@example.net>', subject: 'Cannot log in after password reset', text: 'I reset my password this morning, but the login page keeps saying the password is wrong. I have tried three times.\n\nPriya' },
  { from: 'Tom Walsh <tom.walsh@example.com>', subject: 'Charged twice for one order', text: 'My card was charged twice for order #5120. Please refund the duplicate payment.\n\nTom' },
];

export async function seedDemo(deps: { db: Db; queues: Queues; log: Logger; passwords: PasswordHasher }, opts: DemoOptions): Promise<boolean> {
  if ((await deps.db.workspace.count()) > 0) return false;
  const { channels, agents, workspace, teams } = await createWorkspace(deps, {
    name: 'Acme Demo',
    slug: 'demo',
    timeZone: 'Europe/Berlin',
    teams: ['Support', 'Billing'],
    agents: [
      { email: demoAddresses.admin, name: 'Alex Admin', role: 'admin', password: opts.password },
      { email: demoAddresses.agents[0]!, name: 'Ada Agent', role: 'agent', password: opts.password, teams: ['Support'] },
      { email: demoAddresses.agents[1]!, name: 'Grace Agent', role: 'agent', password: opts.password, teams: ['Billing'] },
    ],
    channels: [
      {
        kind: 'email',
        name: 'Support email',
        address: demoAddresses.inbox,
        settings: { fromName: 'Acme Support', smtp: { host: opts.smtpHost, port: opts.smtpPort, secure: false, ignoreTLS: true } },
      },
      {
        kind: 'webchat',
        name: 'Website chat',
        address: demoAddresses.widgetKey,
        settings: { title: 'Chat with Acme', greeting: 'Hi! Ask us anything about your order.', prechat: { enabled: true, topics: ['Orders', 'Billing', 'Technical'] } },
      },
    ],
  });
  const [admin, ada, grace] = agents;
  await deps.db.team.update({ where: { id: teams.get('Support')! }, data: { leadAgentId: admin!.id } });
  const adminViewer: Viewer = { agentId: admin!.id, workspaceId: workspace.id, role: 'admin', teamIds: [] };
  await seedDemoRouting(deps, adminViewer, { ada: ada!.id, grace: grace!.id });
  await seedDemoKnowledge(deps.db, adminViewer, { agentId: ada!.id, workspaceId: workspace.id, role: 'agent', teamIds: [] });
  const channel = channels[0]!;
  for (const mail of demoMails) {
    const raw = await new MailComposer({ ...mail, to: demoAddresses.inbox }).compile().build();
    const messageId = raw.toString('latin1').match(/^Message-ID:\s*(<[^>]+>)/im)?.[1] ?? `<demo-${Date.now()}@parley>`;
    await acceptInboundEvent(deps, { workspaceId: channel.workspaceId, channelId: channel.id, externalId: messageId, raw });
  }
  deps.log.info({ admin: demoAddresses.admin }, 'seeded the demo workspace');
  return true;
}
