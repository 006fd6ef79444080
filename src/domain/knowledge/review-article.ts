// The approval step. An agent submits a draft for review; a supervisor or admin approves it
// (published: on the help page, in the widget and the composer's picker) or sends it back to draft
// with a comment; they can also publish a draft directly and archive any article. Each step is
// audited; a step the article's state does not allow is a clear conflict.
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireRole, type Role, type Viewer } from '../auth/viewer.ts';
import { articleInclude } from './article-include.ts';
import { toArticleView, type ArticleState, type ArticleView } from './article-view.ts';

export type ReviewStep = 'submit' | 'approve' | 'reject' | 'archive' | 'restore';

interface StepRule {
  who: Role;
  from: readonly ArticleState[];
  to: ArticleState;
  /** What the step is called in errors ("Only supervisors and admins may approve articles"). */
  verb: string;
  /** "can be <done>" in the conflict message. */
  done: string;
}

export const REVIEW_STEPS = {
  submit: { who: 'agent', from: ['draft'], to: 'in_review', verb: 'submit articles for review', done: 'submitted' },
  approve: { who: 'supervisor', from: ['draft', 'in_review'], to: 'published', verb: 'approve and publish articles', done: 'approved' },
  reject: { who: 'supervisor', from: ['in_review'], to: 'draft', verb: 'send articles back', done: 'sent back' },
  archive: { who: 'supervisor', from: ['draft', 'in_review', 'published'], to: 'archived', verb: 'archive articles', done: 'archived' },
  restore: { who: 'supervisor', from: ['archived'], to: 'draft', verb: 'restore archived articles', done: 'restored' },
} as const satisfies Record<ReviewStep, StepRule>;

export interface ReviewInput {
  step: ReviewStep;
  /** Required to send an article back: what the author should change. */
  comment?: string;
}

export async function reviewArticle(db: Db, clock: Clock, viewer: Viewer, id: string, input: ReviewInput): Promise<ArticleView> {
  const rule: StepRule = REVIEW_STEPS[input.step];
  requireRole(viewer, rule.who, rule.verb);
  const existing = await db.knowledgeArticle.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!existing) throw notFound('Article');
  if (!rule.from.includes(existing.state)) {
    throw new AppError('conflict', `This article is ${existing.state.replace('_', ' ')}: only an article that is ${rule.from.map((s) => s.replace('_', ' ')).join(' or ')} can be ${rule.done}`);
  }
  const comment = input.comment?.trim() || null;
  if (input.step === 'reject' && !comment) throw new AppError('validation_failed', 'comment: say what the author should change');
  const now = clock.now();
  const data = {
    state: rule.to,
    ...(input.step === 'submit' ? { submittedAt: now, reviewComment: null } : {}),
    ...(input.step === 'approve' ? { publishedAt: now, reviewerId: viewer.agentId, reviewComment: comment } : {}),
    ...(input.step === 'reject' ? { reviewerId: viewer.agentId, reviewComment: comment } : {}),
  };
  const row = await db.$transaction(async (tx) => {
    // Only from the state read above: two reviewers at once cannot both move it.
    const moved = await tx.knowledgeArticle.updateMany({ where: { id, state: existing.state }, data });
    if (moved.count === 0) throw new AppError('conflict', 'Someone changed this article at the same moment; reload it');
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: `knowledge_article.${input.step}`, targetType: 'knowledge_article', targetId: id, data: { from: existing.state, to: rule.to, ...(comment ? { comment } : {}) } });
    return tx.knowledgeArticle.findUniqueOrThrow({ where: { id }, include: articleInclude });
  });
  return toArticleView(row);
}
