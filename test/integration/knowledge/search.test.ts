// Knowledge base search on real text in the workspace's languages: Russian and English stemmed by
// Postgres (доставка finds доставки and доставку, refunds finds refund), Chinese through bigrams
// (退款 finds 如何申请退款 and not an unrelated article), title matches above body matches. The public
// help center answers without a login and only ever with published articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';

type Hit = { title: string; slug: string; rank: number; excerpt: string; path: string };

describe('knowledge base search', () => {
  let h: Harness;
  let ada: string;
  let admin: string;
  const ids = new Map<string, string>();

  const write = async (title: string, body: string, language: string, publish = true) => {
    const res = await h.api(ada, 'POST', '/api/knowledge/articles', { title, body, language });
    expect(res.status).toBe(201);
    if (publish) expect((await h.api(admin, 'POST', `/api/knowledge/articles/${res.body.id}/approve`, {})).status).toBe(200);
    ids.set(title, res.body.id);
  };
  const search = async (q: string): Promise<string[]> => {
    const res = await h.api(ada, 'GET', `/api/knowledge/articles?state=published&q=${encodeURIComponent(q)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.items as Hit[]).map((a) => a.title);
  };
  const publicGet = async (path: string) => {
    const res = await fetch(`${h.apiUrl}${path}`);
    return { status: res.status, body: (await res.json()) as any, cors: res.headers.get('access-control-allow-origin') };
  };

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    await write('Сроки доставки', 'Мы отправляем заказы курьером. Сроки доставки по Москве: 1-2 дня, по России до 7 дней.', 'ru');
    await write('Оплата заказа', 'Оплатить можно картой. Курьер привезёт чек вместе с заказом; стоимость доставку не включает.', 'ru');
    await write('Возврат товара', 'Вернуть товар можно в течение 14 дней.', 'ru');
    await write('如何申请退款', '在订单页面点击申请退款，我们会在三个工作日内处理。', 'zh');
    await write('修改收货地址', '发货之前，您可以在订单详情中修改地址。', 'zh');
    await write('Refund policy', 'We refund every order within 30 days.', 'en');
    await write('Changing your plan', 'Upgrades are prorated. Downgrades apply at the end of the cycle; no refunds are issued for unused days.', 'en');
    await write('Opening hours', 'Our team answers from 9 to 18.', 'en');
    await write('Refund drafts are secret', 'Internal: refund abuse checklist.', 'en', false);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds Russian articles by any form of a word: доставка finds доставки and доставку, the title match first', async () => {
    expect(await search('доставка')).toEqual(['Сроки доставки', 'Оплата заказа']);
    expect(await search('доставку')).toEqual(['Сроки доставки', 'Оплата заказа']);
    expect(await search('курьеры')).toEqual(expect.arrayContaining(['Сроки доставки', 'Оплата заказа']));
    expect(await search('возвраты')).toEqual(['Возврат товара']);
  });

  it('finds Chinese text without word breaks: 退款 finds 如何申请退款 and not the unrelated article', async () => {
    expect(await search('退款')).toEqual(['如何申请退款']);
    expect(await search('修改地址')).toEqual(['修改收货地址']);
    expect(await search('订单')).toEqual(expect.arrayContaining(['如何申请退款', '修改收货地址']));
    expect(await search('密码')).toEqual([]);
  });

  it('stems English: refunds finds refund, the article titled with it above the one mentioning it', async () => {
    expect(await search('refunds')).toEqual(['Refund policy', 'Changing your plan']);
    expect(await search('refunded')).toEqual(['Refund policy', 'Changing your plan']);
    expect(await search('opening')).toEqual(['Opening hours']);
    // A typo in a title still finds it (trigram word similarity).
    expect(await search('refnd policy')).toEqual(['Refund policy']);
  });

  it('searches drafts for agents only when asked, and refuses an empty query', async () => {
    expect(await search('abuse')).toEqual([]);
    const all = await h.api(ada, 'GET', `/api/knowledge/articles?q=abuse`);
    expect((all.body.items as Hit[]).map((a) => a.title)).toEqual(['Refund drafts are secret']);
    expect((await h.api(ada, 'GET', `/api/knowledge/articles?q=${encodeURIComponent('!!')}`)).status).toBe(422);
  });

  it('serves the help center to anyone: published articles only, by workspace slug or id, rendered safely', async () => {
    const slug = h.workspace.workspace.slug;
    const center = await publicGet(`/api/help/${slug}`);
    expect(center.status).toBe(200);
    expect(center.cors).toBe('*');
    const titles = (center.body.articles as Hit[]).map((a) => a.title);
    expect(titles).toHaveLength(8);
    expect(titles).not.toContain('Refund drafts are secret');
    expect((await publicGet(`/api/help/${h.workspace.workspace.id}`)).body.workspace.slug).toBe(slug);

    const found = await publicGet(`/api/help/${slug}/search?q=refunds`);
    expect((found.body.items as Hit[]).map((a) => a.title)).toEqual(['Refund policy', 'Changing your plan']);
    expect(found.body.items[0]).not.toHaveProperty('state');
    expect(found.body.items[0].path).toBe(`/help/${slug}/refund-policy`);

    expect((await publicGet(`/api/help/${slug}/articles/refund-drafts-are-secret`)).status).toBe(404);
    expect((await publicGet(`/api/help/no-such-workspace`)).status).toBe(404);

    const id = ids.get('Opening hours')!;
    await h.api(admin, 'PATCH', `/api/knowledge/articles/${id}`, { body: '## Hours\n\nFrom **9** to 18. <script>alert(1)</script> [Contact](https://example.com) [x](javascript:alert(1))' });
    const article = await publicGet(`/api/help/${slug}/articles/opening-hours`);
    expect(article.status).toBe(200);
    expect(article.body.html).toContain('<h2>Hours</h2>');
    expect(article.body.html).toContain('<strong>9</strong>');
    expect(article.body.html).toMatch(/<a [^>]*href="https:\/\/example\.com"[^>]*>Contact<\/a>/);
    expect(article.body.html).toContain('&lt;script&gt;');
    expect(article.body.html).not.toMatch(/<script|href="javascript/);

    await h.api(admin, 'POST', `/api/knowledge/articles/${id}/archive`, {});
    expect((await publicGet(`/api/help/${slug}/articles/opening-hours`)).status).toBe(404);
    expect((await publicGet(`/api/help/${slug}/search?q=opening`)).body.items).toEqual([]);
  });
});
