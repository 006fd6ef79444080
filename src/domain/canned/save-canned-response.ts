// Creates or edits a canned response. Writing them is for supervisors and admins; audited; a
// duplicate shortcut is a clear conflict.
import { Prisma, type Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { toCannedResponseView, type CannedResponseView } from './canned-response-view.ts';

export interface CannedResponseInput {
  shortcut: string;
  title: string;
  body: string;
}

export async function createCannedResponse(db: Db, viewer: Viewer, input: CannedResponseInput): Promise<CannedResponseView> {
  requireSupervisor(viewer, 'write canned responses');
  try {
    const row = await db.$transaction(async (tx) => {
      const row = await tx.cannedResponse.create({ data: { workspaceId: viewer.workspaceId, ...input } });
      await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'canned_response.create', targetType: 'canned_response', targetId: row.id, data: { shortcut: row.shortcut } });
      return row;
    });
    return toCannedResponseView(row);
  } catch (err) {
    throw duplicateShortcut(err, input.shortcut) ?? err;
  }
}

export async function updateCannedResponse(db: Db, viewer: Viewer, id: string, input: Partial<CannedResponseInput>): Promise<CannedResponseView> {
  requireSupervisor(viewer, 'write canned responses');
  const existing = await db.cannedResponse.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!existing) throw notFound('Canned response');
  try {
    const row = await db.$transaction(async (tx) => {
      const row = await tx.cannedResponse.update({ where: { id }, data: input });
      await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'canned_response.update', targetType: 'canned_response', targetId: id, data: { fields: Object.keys(input) } });
      return row;
    });
    return toCannedResponseView(row);
  } catch (err) {
    throw duplicateShortcut(err, input.shortcut) ?? err;
  }
}

function duplicateShortcut(err: unknown, shortcut: string | undefined): AppError | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== 'P2002') return null;
  return new AppError('conflict', `A canned response with the shortcut /${shortcut ?? ''} exists already`, { cause: err });
}
