// Assigning a waiting conversation from the board (picked in the list or dropped on an agent):
// one request per conversation at a time, the API's refusal kept next to the row it concerns.
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { noteOwnAssignment } from '../conversation/use-actions.ts';

export interface AssignState {
  pending: ReadonlySet<string>;
  errors: ReadonlyMap<string, string>;
}

export interface BoardAssign extends AssignState {
  assign(conversationId: string, agentId: string): Promise<boolean>;
  dismissError(conversationId: string): void;
}

/** MIME type for dragging a waiting row onto an agent. */
export const DRAG_TYPE = 'application/x-parley-conversation';

export function useBoardAssign(onAssigned: (conversationId: string) => void): BoardAssign {
  const [state, setState] = useState<AssignState>({ pending: new Set(), errors: new Map() });
  const inFlight = useRef(new Set<string>());

  const assign = useCallback(
    async (conversationId: string, agentId: string) => {
      if (inFlight.current.has(conversationId)) return false;
      inFlight.current.add(conversationId);
      setState((s) => {
        const errors = new Map(s.errors);
        errors.delete(conversationId);
        return { pending: new Set(s.pending).add(conversationId), errors };
      });
      noteOwnAssignment(conversationId);
      const done = (error: string | null) => {
        inFlight.current.delete(conversationId);
        setState((s) => {
          const pending = new Set(s.pending);
          pending.delete(conversationId);
          const errors = new Map(s.errors);
          if (error) errors.set(conversationId, error);
          return { pending, errors };
        });
      };
      try {
        await api.assign(conversationId, { assigneeId: agentId });
        done(null);
        onAssigned(conversationId);
        return true;
      } catch (err) {
        done(`Could not assign: ${errorMessage(err)}`);
        return false;
      }
    },
    [onAssigned],
  );

  const dismissError = useCallback(
    (conversationId: string) =>
      setState((s) => {
        const errors = new Map(s.errors);
        errors.delete(conversationId);
        return { ...s, errors };
      }),
    [],
  );

  return { ...state, assign, dismissError };
}
