// A contact merged into another is the same person: erasing the survivor anonymises both, and the
// merged one cannot be erased (or exported) on its own, which would leave the survivor untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeContacts } from '../../../src/domain/contacts/merge-contacts.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('erasing a merged contact', () => {
  let h: Harness;
  let admin: string;
  let survivor: string;
  let merged: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    const first = await h.conversationFor(await h.sendCustomerMail({ from: 'Mia Work <mia@work.test>', subject: 'From work', text: 'Work address here' }));
    const second = await h.conversationFor(await h.sendCustomerMail({ from: 'Mia Home <mia@home.test>', subject: 'From home', text: 'Home address here' }));
    survivor = (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: first } })).contactId;
    merged = (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: second } })).contactId;
    await h.testDb.db.contact.update({ where: { id: merged }, data: { phone: '+14155550199' } });
    await h.testDb.db.$transaction((tx) => mergeContacts(tx, { fromId: merged, intoId: survivor, reason: 'same person' }));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses the merged contact on its own and points at the survivor', async () => {
    const res = await h.api(admin, 'POST', `/api/contacts/${merged}/erase`, { confirm: 'ERASE' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/merged/);
    expect((await fetch(`${h.apiUrl}/api/contacts/${merged}/export`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(404);
  });

  it('erasing the survivor anonymises the merged row too', async () => {
    const res = await h.api(admin, 'POST', `/api/contacts/${survivor}/erase`, { confirm: 'ERASE' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ conversations: 2, identities: 2 });
    const rows = await h.testDb.db.contact.findMany({ where: { id: { in: [survivor, merged] } } });
    expect(rows.map((c) => [c.name, c.email, c.phone, c.erasedAt !== null])).toEqual([
      ['Erased contact', null, null, true],
      ['Erased contact', null, null, true],
    ]);
    expect(await h.testDb.db.message.count({ where: { text: { contains: 'address here' } } })).toBe(0);
    // The merge's undo snapshot held both rows (names, addresses): emptied, and the merge cannot be undone.
    const [merge] = await h.testDb.db.contactMerge.findMany({ where: { survivorId: survivor } });
    expect(merge).toMatchObject({ mergedId: merged, snapshot: {}, moved: [], choices: {} });
    expect(JSON.stringify(merge)).not.toContain('mia@');
    const undo = await h.api(admin, 'POST', `/api/contacts/${survivor}/merges/${merge!.id}/undo`);
    expect(undo.status).toBe(409);
    expect(undo.body.error.message).toBe('One of these contacts was erased since the merge; it cannot be undone');
  });
});
