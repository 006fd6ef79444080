// How a canned response is shown, and the one place that turns a duplicate shortcut into a
// clear conflict.
import { Prisma, type CannedResponse } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

export function toCannedResponseView(r: CannedResponse) {
  return { id: r.id, shortcut: r.shortcut, title: r.title, body: r.body, updatedAt: r.updatedAt.toISOString() };
}

export type CannedResponseView = ReturnType<typeof toCannedResponseView>;

export function duplicateShortcut(err: unknown, shortcut: string | undefined): AppError | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== 'P2002') return null;
  return new AppError('conflict', `A canned response with the shortcut /${shortcut ?? ''} exists already`, { cause: err });
}
