// Picks the workflow filter for a conversation: the first whose every stated condition holds.
import type { ChannelKind } from '../../../channels/types.ts';
import type { Condition, Filter, Workflow } from './workflow-schema.ts';

/** What routing knows about a conversation when it decides. */
export interface RoutingFacts {
  channel: ChannelKind;
  teamId: string | null;
  language: string | null;
  firstMessageText: string;
  contactTier: string | null;
  contactTags: string[];
  conversationTags: string[];
  priority: 'low' | 'normal' | 'high' | 'urgent';
  attributes: Record<string, string>;
}

const anyOf = (wanted: string[] | undefined, have: string[]) =>
  wanted === undefined || wanted.some((w) => have.some((h) => h.toLowerCase() === w.toLowerCase()));

function hasKeyword(text: string, keywords: string[]): boolean {
  const lower = text.toLowerCase();
  return keywords.some((k) => {
    const escaped = k.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower);
  });
}

export function conditionHolds(c: Condition, f: RoutingFacts): boolean {
  if (c.channel && !c.channel.includes(f.channel)) return false;
  if (c.teamId && (f.teamId === null || !c.teamId.includes(f.teamId))) return false;
  if (c.language && !anyOf(c.language, f.language ? [f.language, f.language.split('-')[0]!] : [])) return false;
  if (c.keywords && !hasKeyword(f.firstMessageText, c.keywords)) return false;
  if (c.contactTier && !anyOf(c.contactTier, f.contactTier ? [f.contactTier] : [])) return false;
  if (!anyOf(c.contactTags, f.contactTags)) return false;
  if (!anyOf(c.conversationTags, f.conversationTags)) return false;
  if (c.priority && !c.priority.includes(f.priority)) return false;
  for (const [key, values] of Object.entries(c.attributes ?? {})) {
    const have = f.attributes[key];
    if (have === undefined || !anyOf(values, [have])) return false;
  }
  return true;
}

export function matchFilter(workflow: Workflow, facts: RoutingFacts): Filter {
  return workflow.filters.find((flt) => conditionHolds(flt.when, facts)) ?? { ...workflow.fallback, when: {} };
}
