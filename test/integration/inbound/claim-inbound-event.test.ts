// claimInboundEvent: the event and its channel as Prisma reads them, the attempt counted, and
// nothing for an event that is no longer waiting to be processed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimInboundEvent } from '../../../src/domain/inbound/claim-inbound-event.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testPasswords } from '../../support/passwords.ts';

describe('claimInboundEvent', () => {
  let t: TestDb;
  let workspaceId: string;
  let channelId: string;
  beforeAll(async () => {
    t = await createTestDb();
    const ws = await createWorkspace({ db: t.db, passwords: testPasswords }, {
      name: 'Claim',
      slug: 'claim',
      teams: [],
      agents: [],
      channels: [{ kind: 'sms', name: 'SMS', address: '+14155550100', settings: { accountSid: 'AC1', authToken: 'secret' } }],
    });
    workspaceId = ws.workspace.id;
    channelId = ws.channels[0]!.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('counts the attempt and gives the event and channel as Prisma reads them', async () => {
    const created = await t.db.inboundEvent.create({ data: { workspaceId, channelId, externalId: 'SM1', raw: new Uint8Array(Buffer.from('Body=hi')), payload: { Body: 'hi' } } });
    const claimed = await claimInboundEvent(t.db, created.id);
    const read = await t.db.inboundEvent.findUniqueOrThrow({ where: { id: created.id }, include: { channel: true } });
    expect(read.attempts).toBe(1);
    expect(claimed).not.toBeNull();
    const { raw, ...rest } = claimed!;
    const { raw: readRaw, ...readRest } = read;
    expect(rest).toEqual(readRest);
    expect(Buffer.from(raw!).toString()).toBe(Buffer.from(readRaw!).toString());
    expect((await claimInboundEvent(t.db, created.id))?.attempts).toBe(2);
  });

  it('gives nothing for an event already processed, or none at all', async () => {
    const done = await t.db.inboundEvent.create({ data: { workspaceId, channelId, externalId: 'SM2', payload: { Body: 'x' }, status: 'processed' } });
    expect(await claimInboundEvent(t.db, done.id)).toBeNull();
    expect((await t.db.inboundEvent.findUniqueOrThrow({ where: { id: done.id } })).attempts).toBe(0);
    expect(await claimInboundEvent(t.db, '00000000-0000-7000-8000-000000000000')).toBeNull();
  });
});
