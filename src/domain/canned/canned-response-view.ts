// How a canned response is shown. Node-free (src/contract).
import type { CannedResponse } from '../../db/model-types.ts';

export function toCannedResponseView(r: CannedResponse) {
  return { id: r.id, shortcut: r.shortcut, title: r.title, body: r.body, updatedAt: r.updatedAt.toISOString() };
}

export type CannedResponseView = ReturnType<typeof toCannedResponseView>;
