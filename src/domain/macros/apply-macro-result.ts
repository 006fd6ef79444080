// What applying a macro answers: action by action what ran and what was refused, and the
// conversation after it. Node-free (src/contract).
import type { ConversationSummary } from '../conversations/conversation-view.ts';
import type { MacroAction } from './macro-schema.ts';

export type MacroActionResult = { index: number; type: MacroAction['type']; ok: true } | { index: number; type: MacroAction['type']; ok: false; error: { code: string; message: string } };

export interface ApplyMacroResult {
  macro: { id: string; name: string };
  results: MacroActionResult[];
  conversation: ConversationSummary;
}
