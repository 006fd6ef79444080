// The web app's API types are the server's (src/contract), as JSON delivers them: checked by the
// type check (`npm run typecheck`), which fails when a server view changes under the web app.
import { describe, expectTypeOf, it } from 'vitest';
import type { Wire } from '../../../src/contract/wire.ts';
import type { AdminChannel, AgentServerEvents, ConversationSummary, JsonObject, Message, ReadMarker } from '../../src/api/types.ts';

describe('the API types the web app uses', () => {
  it('carry what the server sends on a summary, dates as strings', () => {
    expectTypeOf<ConversationSummary['statusKey']>().toEqualTypeOf<string>();
    expectTypeOf<ConversationSummary['firstResponseAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<ConversationSummary['routingStep']>().toEqualTypeOf<number | null>();
    expectTypeOf<ConversationSummary['lastMessageAt']>().toEqualTypeOf<string>();
    expectTypeOf<ReadMarker>().toEqualTypeOf<{ conversationId: string; lastReadAt: string }>();
  });

  it('turn dates into strings and JSON columns into plain JSON', () => {
    expectTypeOf<Wire<{ at: Date; maybe: Date | null; list: Date[] }>>().toEqualTypeOf<{ at: string; maybe: string | null; list: string[] }>();
    expectTypeOf<AdminChannel['settings']>().toEqualTypeOf<JsonObject>();
    expectTypeOf<Wire<{ fields?: { a?: string } }>>().toEqualTypeOf<{ fields?: { a?: string } }>();
  });

  it('type socket listeners with the payloads the server emits', () => {
    expectTypeOf<Parameters<AgentServerEvents['message.created']>[0]>().toEqualTypeOf<Message>();
    expectTypeOf<Parameters<AgentServerEvents['conversation.typing']>[0]['by']>().toEqualTypeOf<{ type: 'agent'; id: string; name: string } | { type: 'contact' }>();
  });
});
