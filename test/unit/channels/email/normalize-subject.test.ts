// Thread topics from subjects: reply/forward prefixes in many languages and ticket tags go away.
import { describe, expect, it } from 'vitest';
import { normaliseSubject } from '../../../../channels/email/normalize-subject.ts';

describe('normaliseSubject', () => {
  it.each([
    ['Re: Hello', 'hello'],
    ['RE: RE: Fwd: Hello', 'hello'],
    ['FW: Re:Re: Hello', 'hello'],
    ['AW: WG: Angebot 2025', 'angebot 2025'],
    ['SV: VS: Antw: Rif: TR: Réf: Livraison', 'livraison'],
    ['RÉF : Commande', 'commande'],
    ['Re[2]: Hello', 'hello'],
    ['Re(3): Hello', 'hello'],
    ['RE : Bonjour', 'bonjour'],
    ['回复：你好', '你好'],
    ['答复: 转发: 订单问题', '订单问题'],
    ['Automatic reply: Invoice 5', 'invoice 5'],
  ])('strips reply and forward prefixes: %j -> %j', (subject, topic) => {
    expect(normaliseSubject(subject)).toBe(topic);
  });

  it.each([
    ['[#1234] Refund', 'refund'],
    ['Refund [#1234]', 'refund'],
    ['Re: [#1042] CSV export broken', 'csv export broken'],
    ['[#1042] Re: AW: CSV export broken [#1042]', 'csv export broken'],
  ])('strips a leading or trailing ticket tag: %j -> %j', (subject, topic) => {
    expect(normaliseSubject(subject)).toBe(topic);
  });

  it('collapses whitespace and lower-cases', () => {
    expect(normaliseSubject('  Re:   Big\t\tORDER   for  ACME  ')).toBe('big order for acme');
  });

  it.each([
    ['Return policy', 'return policy'],
    ['Research: results', 'research: results'],
    ['Trouble: cannot log in', 'trouble: cannot log in'],
    ['Fwding rules', 'fwding rules'],
    ['Question about Re: prefixes', 'question about re: prefixes'],
    ['Order [#12] status', 'order [#12] status'],
  ])('leaves words that only look like prefixes alone: %j', (subject, topic) => {
    expect(normaliseSubject(subject)).toBe(topic);
  });

  it.each([[null], [undefined], [''], ['   '], ['Re:'], ['Re: Fwd: [#12]']])('is null when nothing is left of %j', (subject) => {
    expect(normaliseSubject(subject)).toBeNull();
  });
});
