// Applies a macro to a conversation: each action, in order, through the same domain function the
// conversation view uses (so the viewer's permissions and every validation still hold). A refused
// action is reported and the next one still runs. One audit entry and one timeline entry say what
// the macro did.
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { recordConversationEvent } from '../conversations/record-conversation-event.ts';
import { loadVisibleConversation } from '../conversations/visibility.ts';
import { macroActions } from './macro-schema.ts';
import { loadVisibleMacro } from './macro-access.ts';
import type { ApplyMacroResult, MacroActionResult } from './apply-macro-result.ts';
import { runMacroAction } from './run-macro-action.ts';

export interface ApplyMacroInput {
  macroId: string;
  conversationId: string;
  /** The client's idempotency key: a retried apply does not send its reply twice. */
  clientKey?: string;
}

export async function applyMacro(deps: Deps, viewer: Viewer, input: ApplyMacroInput): Promise<ApplyMacroResult> {
  const macro = await loadVisibleMacro(deps.db, viewer, input.macroId);
  const conversation = await loadVisibleConversation(deps.db, viewer, input.conversationId);
  const actions = macroActions.parse(macro.actions);
  const results: MacroActionResult[] = [];
  for (const [index, action] of actions.entries()) {
    try {
      await runMacroAction(deps, viewer, { conversationId: conversation.id, action, clientKey: input.clientKey ? `${input.clientKey}-m${index}`.slice(-100) : undefined });
      results.push({ index, type: action.type, ok: true });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ index, type: action.type, ok: false, error: { code: err.code, message: err.userMessage } });
    }
  }
  const applied = results.filter((r) => r.ok).map((r) => r.type);
  const failed = results.filter((r) => !r.ok).map((r) => r.type);
  const activity = await deps.db.$transaction(async (tx) => {
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'macro.apply', targetType: 'conversation', targetId: conversation.id, data: { macroId: macro.id, name: macro.name, results } });
    return recordConversationEvent(tx, {
      workspaceId: viewer.workspaceId,
      conversationId: conversation.id,
      actorAgentId: viewer.agentId,
      at: deps.clock.now(),
      activity: { kind: 'macro', data: { macro: { id: macro.id, name: macro.name }, applied, failed } },
    });
  });
  const summary = await publishConversation(deps, conversation.id, 'conversation.updated', { activity: [activity] });
  return { macro: { id: macro.id, name: macro.name }, results, conversation: summary };
}
