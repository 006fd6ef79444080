// Which updates the Telegram edges keep: people's messages and edits in private chats, groups
// only when allowed, other kinds of update (recorded as ignored), and anything unreadable (so its
// error is recorded for an admin).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { admitTelegramUpdate } from '../../../../channels/telegram/admit-update.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/telegram/${name}`, import.meta.url), 'utf8'));

describe('admitTelegramUpdate', () => {
  it('keeps a private message under chat:message and an edit under its edit date', () => {
    expect(admitTelegramUpdate(fixture('text.json'), { allowGroups: false })).toEqual({ admit: true, externalId: '424242:101' });
    expect(admitTelegramUpdate(fixture('edited.json'), { allowGroups: false })).toEqual({ admit: true, externalId: '424242:101:edit:1763900060' });
  });

  it('ignores group messages unless the channel allows groups', () => {
    expect(admitTelegramUpdate(fixture('group.json'), { allowGroups: false })).toEqual({ admit: false, reason: 'supergroup message ignored (allowGroups is off)' });
    expect(admitTelegramUpdate(fixture('group.json'), { allowGroups: true })).toEqual({ admit: true, externalId: '-1001234567890:7' });
  });

  it('keeps updates that are not messages (recorded as ignored by the ingest) and drops messages from bots', () => {
    expect(admitTelegramUpdate(fixture('callback-query.json'), { allowGroups: false })).toEqual({ admit: true, externalId: 'update:900013' });
    const fromBot = { update_id: 5, message: { message_id: 1, from: { id: 9, is_bot: true, first_name: 'B' }, chat: { id: 9, type: 'private' }, date: 1, text: 'x' } };
    expect(admitTelegramUpdate(fromBot, { allowGroups: false })).toMatchObject({ admit: false });
  });

  it('keeps an update it cannot read, keyed by its update_id, so the failure is visible', () => {
    expect(admitTelegramUpdate({ update_id: 77, message: { message_id: 'x' } }, { allowGroups: false })).toEqual({ admit: true, externalId: 'update:77' });
    expect(admitTelegramUpdate({ nonsense: true }, { allowGroups: false })).toMatchObject({ admit: true, externalId: expect.stringMatching(/^unreadable:[0-9a-f]{64}$/) });
  });
});
