// A provider-hosted file still downloading when its contact is erased: the media worker's late
// store must not leave the file behind (the attachment row is gone, so the file is deleted again).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../../channels/types.ts';
import { downloadAttachment } from '../../../src/domain/media/download-attachment.ts';
import { eraseContact } from '../../../src/domain/privacy/erase-contact.ts';
import { startFakeTwilio, type FakeTwilio } from '../../support/fake-twilio.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

const SMS_NUMBER = '+14155550100';

describe('erasure while a file downloads', () => {
  let h: Harness;
  let fake: FakeTwilio;
  let attachmentId: string;
  let contactId: string;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    h = await startHarness({ env: { TWILIO_API_BASE: fake.url }, channels: [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings: { accountSid: fake.accountSid, authToken: fake.authToken } }] });
    const sms = h.workspace.channels.find((c) => c.kind === 'sms')!;
    const workspaceId = h.workspace.workspace.id;
    const url = fake.serveFile('/media/photo.jpg', { content: Buffer.from('a photo of her passport'), contentType: 'image/jpeg' });
    // The rows an MMS leaves before its media job runs (made here so no worker downloads it first).
    const contact = await h.testDb.db.contact.create({ data: { workspaceId, name: 'Pia', phone: '+14155550177' } });
    contactId = contact.id;
    const conversation = await h.testDb.db.conversation.create({ data: { workspaceId, number: 9001, channelId: sms.id, contactId } });
    const message = await h.testDb.db.message.create({ data: { workspaceId, conversationId: conversation.id, channelId: sms.id, direction: 'in', authorContactId: contactId, text: 'my passport' } });
    attachmentId = (await h.testDb.db.attachment.create({ data: { workspaceId, messageId: message.id, filename: 'photo.jpg', contentType: 'image/jpeg', size: 0, sourceUrl: url } })).id;
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('deletes the file the download stored after the erasure', async () => {
    const admin = h.workspace.agents[0]!;
    const viewer = { agentId: admin.id, workspaceId: h.workspace.workspace.id, role: admin.role, teamIds: [] };
    // The admin's erasure lands between the provider's answer and the attachment's update.
    const adapterFor = (kind: string): ChannelAdapter => {
      const real = h.rt.deps.adapterFor(kind);
      return {
        ...real,
        fetchMedia: async (...args: Parameters<NonNullable<ChannelAdapter['fetchMedia']>>) => {
          const fetched = await real.fetchMedia!(...args);
          await eraseContact(h.rt.deps, viewer, { contactId, confirm: 'ERASE' });
          return fetched;
        },
      };
    };
    const outcome = await downloadAttachment({ ...h.rt.deps, adapterFor }, attachmentId, { maxBytes: 1_000_000, finalAttempt: false });
    expect(outcome).toMatchObject({ status: 'skipped' });
    expect(fake.requests.some((r) => r.path === '/media/photo.jpg')).toBe(true);
    const store = path.resolve(h.rt.config.DATA_DIR, 'attachments');
    const files = (await readdir(store, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile());
    expect(files).toEqual([]);
    expect(await h.testDb.db.pendingFileDeletion.count()).toBe(0);
  });
});
