// How a macro is shown: its actions in order, whether it is shared and whose it is. Node-free (src/contract).
import type { Prisma } from '../../db/model-types.ts';
import type { MacroAction } from './macro-schema.ts';

export const macroInclude = { owner: { select: { id: true, name: true } } } satisfies Prisma.MacroInclude;

export type MacroRow = Prisma.MacroGetPayload<{ include: typeof macroInclude }>;

export function toMacroView(m: MacroRow) {
  return {
    id: m.id,
    name: m.name,
    shared: m.ownerId === null,
    owner: m.owner,
    // Written only through save-macro.ts, which validates them with macroActions.
    actions: m.actions as unknown as MacroAction[],
    updatedAt: m.updatedAt.toISOString(),
  };
}

export type MacroView = ReturnType<typeof toMacroView>;

