// A row of the contacts list (GET /api/contacts) and a saved view of it. Node-free (src/contract).
import type { Prisma, SavedContactView } from '../../db/model-types.ts';

export interface ContactListFilters {
  q?: string;
  stage?: string;
  tier?: string;
  tag?: string;
  attrKey?: string;
  attrValue?: string;
  /** An agent's id, "me" or "none". */
  ownerId?: string;
  organisationId?: string;
  /** A channel kind the contact has an identity on. */
  channel?: string;
  lastContactFrom?: string;
  lastContactTo?: string;
}

type ListedContact = Prisma.ContactGetPayload<{ include: { identities: { select: { channelKind: true } }; organisation: { select: { id: true; name: true } }; owner: { select: { id: true; name: true } } } }>;

export function toContactListRow(c: ListedContact) {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    lifecycleStage: c.lifecycleStage,
    tier: c.tier,
    tags: c.tags,
    organisation: c.organisation,
    owner: c.owner,
    channels: [...new Set(c.identities.map((i) => i.channelKind))],
    lastContactAt: c.lastContactAt.toISOString(),
  };
}

export type ContactListRow = ReturnType<typeof toContactListRow>;

/** Newest contact first; `next` is the `cursor` of the following page, null on the last. */
export interface ContactListPage {
  items: ContactListRow[];
  next: string | null;
}

export function toSavedContactViewView(v: SavedContactView, viewerAgentId: string) {
  return { id: v.id, name: v.name, shared: v.shared, filters: v.filters as ContactListFilters, agentId: v.agentId, mine: v.agentId === viewerAgentId, updatedAt: v.updatedAt.toISOString() };
}

export type SavedContactViewView = ReturnType<typeof toSavedContactViewView>;
