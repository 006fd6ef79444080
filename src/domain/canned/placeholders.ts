// The placeholders of canned responses and macro replies ({{contact.name}} ...): filled in by the
// reply box in the browser and by a macro's reply on the server, so one module with no imports
// serves both (the web app bundles it).

export interface PlaceholderContext {
  contact: { name: string | null; email: string | null };
  agent: { name: string };
  conversation: { number: number };
}

export const placeholderKeys = ['contact.name', 'contact.email', 'agent.name', 'conversation.number'] as const;

const placeholder = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Replaces {{contact.name}}, {{contact.email}}, {{agent.name}}, {{conversation.number}}; leaves unknown ones as written. */
export function fillPlaceholders(body: string, ctx: PlaceholderContext): string {
  const values: Record<string, string> = {
    'contact.name': ctx.contact.name ?? '',
    'contact.email': ctx.contact.email ?? '',
    'agent.name': ctx.agent.name,
    'conversation.number': String(ctx.conversation.number),
  };
  return body.replace(placeholder, (whole, key: string) => values[key] ?? whole);
}

/** The placeholders in `body` that nothing fills, each once ({{contact.nmae}}). */
export function unknownPlaceholders(body: string): string[] {
  const known = new Set<string>(placeholderKeys);
  return [...new Set([...body.matchAll(placeholder)].map((m) => m[1]!).filter((k) => !known.has(k)))];
}
