// How an organisation (a company) is shown: in the list and on its page with its contacts and
// their recent conversations. Node-free (src/contract).
import type { Organisation, Prisma } from '../../db/model-types.ts';

export function toOrganisationView(o: Organisation, contactCount: number) {
  return { id: o.id, name: o.name, domains: o.domains, notes: o.notes, attributes: o.attributes, contactCount, createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString() };
}

export type OrganisationView = ReturnType<typeof toOrganisationView>;

type OrgContact = Pick<Prisma.ContactGetPayload<object>, 'id' | 'name' | 'email' | 'phone' | 'lifecycleStage' | 'tier' | 'lastContactAt'>;
type OrgConversation = Prisma.ConversationGetPayload<{ include: { channel: { select: { id: true; kind: true; name: true } } } }>;

export function toOrganisationDetail(o: Organisation, contacts: readonly OrgContact[], conversations: readonly OrgConversation[], contactCount: number) {
  return {
    ...toOrganisationView(o, contactCount),
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone, lifecycleStage: c.lifecycleStage, tier: c.tier, lastContactAt: c.lastContactAt.toISOString() })),
    recentConversations: conversations.map((c) => ({
      id: c.id,
      number: c.number,
      subject: c.subject,
      status: c.status,
      contactId: c.contactId,
      channel: c.channel,
      lastMessageAt: c.lastMessageAt.toISOString(),
    })),
  };
}

export type OrganisationDetail = ReturnType<typeof toOrganisationDetail>;
