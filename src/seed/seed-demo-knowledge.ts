// The demo workspace's knowledge base: two categories and a few published articles in English,
// Russian and Chinese (see /help/demo and the widget's help search), and one draft waiting for review.
// Written through the domain functions, so they are audited and indexed like any other.
import { systemClock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Viewer } from '../domain/auth/viewer.ts';
import { createCategory } from '../domain/knowledge/categories.ts';
import { reviewArticle } from '../domain/knowledge/review-article.ts';
import { createArticle } from '../domain/knowledge/save-article.ts';

const articles = [
  { category: 'Orders', language: 'en', publish: true, title: 'Where is my order?', body: 'Orders leave our warehouse within **one working day**. You get a tracking link by email as soon as the parcel ships.\n\n- Standard delivery: 2-4 days\n- Express delivery: next day' },
  { category: 'Billing', language: 'en', publish: true, title: 'How refunds work', body: 'We refund every order within **30 days**, to the card you paid with. Refunds reach your account within 5 working days.' },
  { category: 'Orders', language: 'ru', publish: true, title: 'Сроки доставки', body: 'Заказы отправляются со склада в течение одного рабочего дня. Стандартная доставка занимает 2-4 дня, экспресс-доставка — один день.' },
  { category: 'Billing', language: 'zh', publish: true, title: '如何申请退款', body: '在订单页面点击“申请退款”，我们会在三个工作日内处理，款项将退回到您的支付卡。' },
  { category: 'Billing', language: 'en', publish: false, title: 'Changing your invoice address', body: 'Write to us with the order number and the new address; we send a corrected invoice the same day.' },
];

export async function seedDemoKnowledge(db: Db, admin: Viewer, author: Viewer): Promise<void> {
  const categories = new Map<string, string>();
  for (const name of ['Orders', 'Billing']) categories.set(name, (await createCategory(db, admin, { name })).id);
  for (const a of articles) {
    const article = await createArticle(db, author, { title: a.title, body: a.body, language: a.language, categoryId: categories.get(a.category)! });
    await reviewArticle(db, systemClock, author, article.id, { step: 'submit' });
    if (a.publish) await reviewArticle(db, systemClock, admin, article.id, { step: 'approve' });
  }
}
