// Creates, edits and deletes organisations. Any agent may create and edit one (they assign
// customers to companies from the panel); deleting is for supervisors and admins and leaves its
// contacts without a company. Domains are kept lower case without "@". Audited.
import type { Db, Tx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { toOrganisationView, type OrganisationView } from './organisation-view.ts';

export interface OrganisationInput {
  name: string;
  domains?: string[];
  notes?: string | null;
  attributes?: Record<string, string | number | boolean | null>;
}

export const normalizeDomain = (d: string): string => d.trim().toLowerCase().replace(/^.*@/, '').replace(/\.$/, '');

const audit = (tx: Tx, viewer: Viewer, action: string, targetId: string, data: Record<string, unknown>) =>
  recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action, targetType: 'organisation', targetId, data });

function dataOf(input: Partial<OrganisationInput>) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.domains !== undefined ? { domains: [...new Set(input.domains.map(normalizeDomain).filter(Boolean))] } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    ...(input.attributes !== undefined ? { attributes: input.attributes } : {}),
  };
}

export async function loadOrganisation(db: Db | Tx, viewer: Viewer, id: string) {
  const org = await db.organisation.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!org) throw notFound('Organisation');
  return org;
}

export async function createOrganisation(db: Db, viewer: Viewer, input: OrganisationInput): Promise<OrganisationView> {
  return db.$transaction(async (tx) => {
    const row = await tx.organisation.create({ data: { workspaceId: viewer.workspaceId, ...dataOf(input), name: input.name } });
    await audit(tx, viewer, 'organisation.create', row.id, { name: row.name });
    return toOrganisationView(row, 0);
  });
}

export async function updateOrganisation(db: Db, viewer: Viewer, id: string, input: Partial<OrganisationInput>): Promise<OrganisationView> {
  await loadOrganisation(db, viewer, id);
  return db.$transaction(async (tx) => {
    const row = await tx.organisation.update({ where: { id }, data: dataOf(input) });
    await audit(tx, viewer, 'organisation.update', id, { fields: Object.keys(input) });
    return toOrganisationView(row, await tx.contact.count({ where: { organisationId: id } }));
  });
}

export async function deleteOrganisation(db: Db, viewer: Viewer, id: string): Promise<void> {
  requireSupervisor(viewer, 'delete organisations');
  const org = await loadOrganisation(db, viewer, id);
  await db.$transaction(async (tx) => {
    const released = await tx.contact.updateMany({ where: { organisationId: id }, data: { organisationId: null } });
    await tx.organisation.delete({ where: { id } });
    await audit(tx, viewer, 'organisation.delete', id, { name: org.name, contacts: released.count });
  });
}
