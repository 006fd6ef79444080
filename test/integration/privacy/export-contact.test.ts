// An export whose attachment file is gone from the store still arrives whole: contact.json and a
// note in the file's place saying it could not be read, instead of a zip cut off mid-stream.
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('contact export with a missing file', () => {
  let h: Harness;
  let admin: string;
  let contactId: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    const conv = await h.conversationFor(
      await h.sendCustomerMail({ from: 'Noor <noor@example.com>', subject: 'Scans', text: 'Two scans attached', attachments: [{ filename: 'a.txt', content: Buffer.from('scan A') }, { filename: 'b.txt', content: Buffer.from('scan B') }] }),
    );
    contactId = (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).contactId;
    await h.queuesDrained(['ingest']);
    const lost = await h.testDb.db.attachment.findFirstOrThrow({ where: { filename: 'a.txt' } });
    await h.rt.deps.store.delete(lost.storageKey!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('names the unreadable file and keeps everything else', async () => {
    const res = await fetch(`${h.apiUrl}/api/contacts/${contactId}/export`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files);
    expect(names).toHaveLength(3);
    expect(names[0]).toBe('contact.json');
    expect(names.find((n) => n.endsWith('-a.txt.unavailable.txt'))).toBeTruthy();
    const b = names.find((n) => n.endsWith('-b.txt'));
    expect(Buffer.from(files[b!]!).toString()).toBe('scan B');
    const doc = JSON.parse(Buffer.from(files['contact.json']!).toString());
    expect(doc.contact).toMatchObject({ id: contactId, name: 'Noor', email: 'noor@example.com' });
  });
});
