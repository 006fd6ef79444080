// How deeply nested JSON from outside may be. JSON.parse copes with any depth, but zod, Prisma's
// JSON serialisation and JSON.stringify recurse and overflow the stack on a 20,000-deep value:
// every place JSON enters (API bodies, webhooks, socket payloads) checks this bound first.
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests objects / arrays more than `max` levels deep (checked without recursion). */
export function exceedsJsonDepth(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    if (depth >= max) return true;
    seen.add(v);
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

export const tooDeepMessage = (max = MAX_JSON_DEPTH) => `JSON nested more than ${max} levels deep`;
