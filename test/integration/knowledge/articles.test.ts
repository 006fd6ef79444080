// Knowledge base articles: any agent writes drafts and submits them for review; only supervisors
// and admins approve (publish), send back with a comment, or archive; every step is audited; one
// workspace never sees or names another's articles and categories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { testPasswords } from '../../support/passwords.ts';

describe('knowledge base articles API', () => {
  let h: Harness;
  let ada: string;
  let sue: string;
  let globex: string;

  beforeAll(async () => {
    h = await startHarness();
    const bob = h.workspace.agents[2]!;
    await h.testDb.db.agent.update({ where: { id: bob.id }, data: { role: 'supervisor' } });
    ada = await h.login(h.workspace.agents[1]!.email);
    sue = await h.login(bob.email);
    await createWorkspace({ db: h.testDb.db, passwords: testPasswords }, { name: 'Globex', slug: 'globex', agents: [{ email: 'gloria@globex.test', name: 'Gloria Admin', role: 'admin', password: PASSWORD }], channels: [] });
    globex = await h.login('gloria@globex.test');
  });
  afterAll(async () => {
    await h?.close();
  });

  const newArticle = async (title: string, body = 'Some text.', extra: Record<string, unknown> = {}) => {
    const res = await h.api(ada, 'POST', '/api/knowledge/articles', { title, body, language: 'en', ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: string; slug: string; state: string };
  };

  it('takes an agent draft through review: sent back with a comment, resubmitted, approved; audited', async () => {
    const cat = await h.api(sue, 'POST', '/api/knowledge/categories', { name: 'Billing & refunds' });
    expect(cat.status).toBe(201);
    expect(cat.body).toMatchObject({ name: 'Billing & refunds', slug: 'billing-refunds' });
    const created = await h.api(ada, 'POST', '/api/knowledge/articles', { title: 'How refunds work', body: '# Refunds\n\nWe refund **within 5 days**.', language: 'EN', categoryId: cat.body.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'How refunds work', slug: 'how-refunds-work', language: 'en', state: 'draft', categoryId: cat.body.id, author: { name: 'Ada Agent' }, excerpt: 'We refund within 5 days.' });
    const id = created.body.id as string;

    expect((await h.api(ada, 'PATCH', `/api/knowledge/articles/${id}`, { body: 'We refund **within 3 days**.' })).body.body).toBe('We refund **within 3 days**.');
    const submitted = await h.api(ada, 'POST', `/api/knowledge/articles/${id}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('in_review');
    // In review it is the reviewers' to change.
    const locked = await h.api(ada, 'PATCH', `/api/knowledge/articles/${id}`, { title: 'Sneaky' });
    expect(locked.status).toBe(403);
    expect(locked.body.error.message).toBe('Only supervisors and admins may edit an article that is in review');

    const noComment = await h.api(sue, 'POST', `/api/knowledge/articles/${id}/reject`, {});
    expect(noComment.status).toBe(422);
    expect(noComment.body.error.message).toContain('comment');
    const rejected = await h.api(sue, 'POST', `/api/knowledge/articles/${id}/reject`, { comment: 'Say which payment methods' });
    expect(rejected.body).toMatchObject({ state: 'draft', reviewComment: 'Say which payment methods', reviewer: { name: 'Bob Agent' } });

    await h.api(ada, 'PATCH', `/api/knowledge/articles/${id}`, { body: 'Cards are refunded within 3 days.' });
    expect((await h.api(ada, 'POST', `/api/knowledge/articles/${id}/submit`, {})).body).toMatchObject({ state: 'in_review', reviewComment: null });
    const approved = await h.api(sue, 'POST', `/api/knowledge/articles/${id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('published');
    expect(approved.body.publishedAt).toEqual(expect.any(String));

    const again = await h.api(sue, 'POST', `/api/knowledge/articles/${id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This article is published: only an article that is draft or in review can be approved');

    const audit = await h.testDb.db.auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['knowledge_article.create', 'knowledge_article.update', 'knowledge_article.submit', 'knowledge_article.reject', 'knowledge_article.update', 'knowledge_article.submit', 'knowledge_article.approve']);
    expect(audit[3]!.data).toMatchObject({ from: 'in_review', to: 'draft', comment: 'Say which payment methods' });
  });

  it('lets no agent publish, send back or archive; a supervisor may publish a draft directly', async () => {
    const a = await newArticle('Opening hours');
    for (const step of ['approve', 'archive']) {
      const res = await h.api(ada, 'POST', `/api/knowledge/articles/${a.id}/${step}`, {});
      expect(res.status).toBe(403);
    }
    await h.api(ada, 'POST', `/api/knowledge/articles/${a.id}/submit`, {});
    expect((await h.api(ada, 'POST', `/api/knowledge/articles/${a.id}/reject`, { comment: 'no' })).status).toBe(403);
    expect((await h.testDb.db.knowledgeArticle.findUniqueOrThrow({ where: { id: a.id } })).state).toBe('in_review');
    // Categories are the reviewers' too.
    expect((await h.api(ada, 'POST', '/api/knowledge/categories', { name: 'Mine' })).status).toBe(403);

    const b = await newArticle('Shipping times');
    expect((await h.api(sue, 'POST', `/api/knowledge/articles/${b.id}/approve`, {})).body.state).toBe('published');
    expect((await h.api(sue, 'POST', `/api/knowledge/articles/${b.id}/archive`, {})).body.state).toBe('archived');
    expect((await h.api(sue, 'POST', `/api/knowledge/articles/${b.id}/restore`, {})).body.state).toBe('draft');
  });

  it('gives every article its own slug, lists by state, category and language, and names bad input', async () => {
    const one = await newArticle('Reset your password');
    const two = await newArticle('Reset your password');
    expect([one.slug, two.slug]).toEqual(['reset-your-password', 'reset-your-password-2']);
    const ru = await newArticle('Условия доставки', 'Текст', { language: 'ru' });
    expect(ru.slug).toBe('условия-доставки');

    const drafts = await h.api(ada, 'GET', '/api/knowledge/articles?state=draft&language=ru');
    expect((drafts.body.items as { id: string }[]).map((a) => a.id)).toEqual([ru.id]);
    const bad = await h.api(ada, 'POST', '/api/knowledge/articles', { title: '', body: 'x', language: 'english' });
    expect(bad.status).toBe(422);
    expect((bad.body.error.details as { path: string }[]).map((d) => d.path).sort()).toEqual(['language', 'title']);
    expect((await h.api(ada, 'GET', '/api/knowledge/articles?state=gone')).status).toBe(422);
    expect((await h.api(ada, 'POST', `/api/knowledge/articles/${one.id}/publish-now`, {})).status).toBe(422);
  });

  it('keeps workspaces apart: another workspace gets 404 for an article and 422 for a category', async () => {
    const ours = await newArticle('Our secret process');
    for (const [method, path, body] of [
      ['GET', `/api/knowledge/articles/${ours.id}`, undefined],
      ['PATCH', `/api/knowledge/articles/${ours.id}`, { title: 'Mine now' }],
      ['POST', `/api/knowledge/articles/${ours.id}/approve`, {}],
    ] as const) {
      const res = await h.api(globex, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect(((await h.api(globex, 'GET', '/api/knowledge/articles')).body.items as unknown[]).length).toBe(0);
    const search = await h.api(globex, 'GET', '/api/knowledge/articles?q=secret');
    expect(search.status, JSON.stringify(search.body)).toBe(200);
    expect(search.body.items).toEqual([]);
    const ourCategory = (await h.api(sue, 'POST', '/api/knowledge/categories', { name: 'Internal' })).body;
    const theirs = await h.api(globex, 'POST', '/api/knowledge/articles', { title: 'Filed in theirs', body: 'x', language: 'en', categoryId: ourCategory.id });
    expect(theirs.status).toBe(422);
    expect(theirs.body.error.details).toEqual([{ path: 'categoryId', message: `no category ${ourCategory.id}` }]);
    expect((await h.api(globex, 'PATCH', `/api/knowledge/categories/${ourCategory.id}`, { name: 'Taken' })).status).toBe(404);
    expect((await h.testDb.db.knowledgeArticle.findUniqueOrThrow({ where: { id: ours.id } })).title).toBe('Our secret process');
  });
});
