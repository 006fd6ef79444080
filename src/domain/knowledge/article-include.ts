// The relations every agent-facing article view needs (its author's and reviewer's names).
export const articleInclude = { author: { select: { name: true } }, reviewer: { select: { name: true } } } as const;
