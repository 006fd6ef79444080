// What applying a macro says to the agent: how many actions ran, and each refused one with the
// server's reason.
import type { ApplyMacroResult, MacroAction } from '../api/types.ts';

export const macroActionLabel: Record<MacroAction['type'], string> = {
  reply: 'Reply',
  addTags: 'Add tags',
  removeTags: 'Remove tags',
  assign: 'Assign',
  setStatus: 'Set status',
  setPriority: 'Set priority',
};

export function macroOutcome(r: ApplyMacroResult): { text: string; refused: boolean } {
  const failed = r.results.filter((x) => !x.ok);
  const ran = r.results.length - failed.length;
  const head = `${r.macro.name}: ${ran} of ${r.results.length} action${r.results.length === 1 ? '' : 's'} applied`;
  if (failed.length === 0) return { text: head, refused: false };
  const why = failed.map((x) => `${macroActionLabel[x.type]} refused (${x.ok ? '' : x.error.message})`).join('; ');
  return { text: `${head}. ${why}`, refused: true };
}
