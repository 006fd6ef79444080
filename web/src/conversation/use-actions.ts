// The agent's actions on a conversation (status, assignment, priority, tags). Each applies the
// API's answer to the list and the pane at once and shows the API's reason when refused.
import { useCallback } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { taskApi } from '../api/task-endpoints.ts';
import type { AssignBody, ConversationPatchBody, ConversationStatus, ConversationSummary, Macro } from '../api/types.ts';
import { macroOutcome } from './macro-outcome.ts';
import { useToasts } from '../ui/toasts.tsx';

const ownAssignments = new Map<string, number>();

/** Call before this tab assigns a conversation, so the assignment raises no alert here. */
export function noteOwnAssignment(conversationId: string): void {
  ownAssignments.set(conversationId, Date.now());
}

/** Whether this tab itself assigned the conversation in the last few seconds (no alert for that). */
export function assignedByMe(conversationId: string): boolean {
  const at = ownAssignments.get(conversationId);
  return at !== undefined && Date.now() - at < 10_000;
}

export interface ConversationActions {
  setStatus(id: string, status: ConversationStatus, snoozedUntil?: string, snoozeReason?: string): Promise<ConversationSummary | null>;
  assign(id: string, body: AssignBody): Promise<ConversationSummary | null>;
  update(id: string, body: ConversationPatchBody): Promise<ConversationSummary | null>;
  /** Runs the macro's actions; the toast says which ran and which were refused. */
  applyMacro(id: string, macro: Macro): Promise<ConversationSummary | null>;
}

export function useConversationActions(apply: (s: ConversationSummary) => void): ConversationActions {
  const toasts = useToasts();
  const run = useCallback(
    async (what: string, call: () => Promise<ConversationSummary>) => {
      try {
        const summary = await call();
        apply(summary);
        return summary;
      } catch (err) {
        toasts.error(`Could not ${what}: ${errorMessage(err)}`);
        return null;
      }
    },
    [apply, toasts],
  );
  const setStatus = useCallback(
    (id: string, status: ConversationStatus, snoozedUntil?: string, snoozeReason?: string) =>
      run(status === 'resolved' ? 'resolve' : `set status to ${status}`, () => api.setStatus(id, status, snoozedUntil, snoozeReason)),
    [run],
  );
  const assign = useCallback(
    (id: string, body: AssignBody) => {
      noteOwnAssignment(id);
      return run('assign', () => api.assign(id, body));
    },
    [run],
  );
  const update = useCallback((id: string, body: ConversationPatchBody) => run('update the conversation', () => api.updateConversation(id, body)), [run]);
  const applyMacro = useCallback(
    (id: string, macro: Macro) =>
      run(`apply ${macro.name}`, async () => {
        noteOwnAssignment(id);
        const result = await taskApi.applyMacro(macro.id, { conversationId: id, clientKey: `macro-${crypto.randomUUID()}` });
        const outcome = macroOutcome(result);
        toasts.show({ tone: outcome.refused ? 'warning' : 'info', text: outcome.text });
        return result.conversation;
      }),
    [run, toasts],
  );
  return { setStatus, assign, update, applyMacro };
}
