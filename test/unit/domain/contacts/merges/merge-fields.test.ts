// Which values a merge keeps: a value only one side has is kept, a conflict is the agent's choice
// (or the survivor's for an automatic merge), attributes are a union, tags are joined unless one
// side is chosen, and a column Contact gains later is compared like the others.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../../src/db/model-types.ts';
import { chosenColumns, compareContacts, mergedValues, unknownChoices } from '../../../../../src/domain/contacts/merges/merge-fields.ts';

const contact = (over: Partial<Contact> & Record<string, unknown>): Contact =>
  ({ id: 'c', workspaceId: 'w', name: null, email: null, phone: null, tier: null, lifecycleStage: null, tags: [], attributes: {}, mergedIntoId: null, erasedAt: null, createdAt: new Date(0), updatedAt: new Date(0), ...over }) as Contact;

describe('merge field choices', () => {
  const ann = contact({ id: 'a', name: 'Ann Lee', email: 'ann@x.test', tier: 'gold', tags: ['vip', 'billing'], attributes: { plan: 'pro', city: 'Lisbon' } });
  const anna = contact({ id: 'b', name: 'Anna Lee', phone: '+351 910', tier: 'gold', tags: ['chat', 'vip'], attributes: { plan: 'free', language: 'pt' } });
  const cmp = compareContacts(ann, anna);

  it('marks only fields both have with different values as conflicts', () => {
    expect(cmp.fields.filter((f) => f.conflict).map((f) => f.key)).toEqual(['name']);
    expect(cmp.attributes.filter((f) => f.conflict).map((f) => f.key)).toEqual(['plan']);
    expect(cmp.tags.union).toEqual(['vip', 'billing', 'chat']);
  });

  it('keeps what only one side has, and the chosen side of each conflict', () => {
    const { data, unresolved } = mergedValues(cmp, { fields: { name: 'merged' }, attributes: { plan: 'survivor' } }, null);
    expect(unresolved).toEqual([]);
    expect(data).toMatchObject({ name: 'Anna Lee', email: 'ann@x.test', phone: '+351 910', tier: 'gold', attributes: { plan: 'pro', city: 'Lisbon', language: 'pt' }, tags: ['vip', 'billing', 'chat'] });
    expect(mergedValues(cmp, { fields: { name: 'survivor' }, attributes: { plan: 'merged' }, tags: 'merged' }, null).data).toMatchObject({ name: 'Ann Lee', attributes: { plan: 'free' }, tags: ['chat', 'vip'] });
  });

  it('names every conflict left without a choice by hand; an automatic merge keeps the survivor', () => {
    expect(mergedValues(cmp, {}, null).unresolved.map((p) => p.path)).toEqual(['choices.fields.name', 'choices.attributes.plan']);
    const auto = mergedValues(cmp, {}, 'survivor');
    expect(auto.unresolved).toEqual([]);
    expect(auto.data).toMatchObject({ name: 'Ann Lee', attributes: { plan: 'pro' } });
  });

  it('refuses a choice for a field that is not a conflict', () => {
    expect(unknownChoices(cmp, { fields: { tier: 'merged', nmae: 'merged' }, attributes: { city: 'merged' } }).map((p) => p.path)).toEqual(['choices.fields.tier', 'choices.fields.nmae', 'choices.attributes.city']);
  });

  it('compares a column Contact gains later (ownerId) like the others, never the bookkeeping', () => {
    const a = contact({ id: 'a', ownerId: 'agent-1' });
    const b = contact({ id: 'b', ownerId: 'agent-2' });
    expect(chosenColumns(a)).toEqual(['name', 'email', 'phone', 'tier', 'lifecycleStage', 'ownerId']);
    const later = compareContacts(a, b);
    expect(later.fields.find((f) => f.key === 'ownerId')).toEqual({ key: 'ownerId', survivor: 'agent-1', merged: 'agent-2', conflict: true });
    expect(mergedValues(later, { fields: { ownerId: 'merged' } }, null).data.ownerId).toBe('agent-2');
  });
});
