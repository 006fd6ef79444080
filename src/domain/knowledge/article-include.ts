// The relations every agent-facing article view needs (its author's and reviewer's names, the
// workspace's slug for the public path).
export const articleInclude = { author: { select: { name: true } }, reviewer: { select: { name: true } }, workspace: { select: { slug: true } } } as const;
