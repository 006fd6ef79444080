// The 24-hour customer service window: free text inside it, only templates outside.
import { describe, expect, it } from 'vitest';
import { checkWhatsappWindow } from '../../../../channels/whatsapp/window.ts';

const now = new Date('2026-11-23T12:00:00Z');
const to = { address: '+34612345678' };
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('checkWhatsappWindow', () => {
  it('allows free text within 24 hours of the last customer message', () => {
    expect(checkWhatsappWindow({ now, to, lastInboundAt: hoursAgo(23.9), template: null })).toEqual({ ok: true });
  });

  it('refuses free text after 24 hours, telling the agent to send a template', () => {
    const verdict = checkWhatsappWindow({ now, to, lastInboundAt: hoursAgo(24), template: null });
    expect(verdict.ok).toBe(false);
    expect(verdict.ok === false && verdict.reason).toBe(
      'The customer last wrote on WhatsApp 24 hours ago (2026-11-22T12:00:00.000Z), outside WhatsApp\'s 24-hour window: only an approved template can be sent now: pick one with Template in the reply box (API: {"template": {"contentSid": "HX...", "variables": {...}}}).',
    );
  });

  it('refuses free text to someone who never wrote', () => {
    const verdict = checkWhatsappWindow({ now, to, lastInboundAt: null, template: null });
    expect(verdict.ok === false && verdict.reason).toMatch(/^The customer has not written to this WhatsApp number yet: only an approved template/);
  });

  it('allows a template at any time', () => {
    expect(checkWhatsappWindow({ now, to, lastInboundAt: null, template: { id: 'HX1', variables: {} } })).toEqual({ ok: true });
    expect(checkWhatsappWindow({ now, to, lastInboundAt: hoursAgo(500), template: { id: 'HX1', variables: { '1': 'x' } } })).toEqual({ ok: true });
  });

  it('refuses anything, even a template, to a sender that is not a phone number', () => {
    for (const address of ['ACMEBANK', '72345']) {
      const verdict = checkWhatsappWindow({ now, to: { address }, lastInboundAt: hoursAgo(1), template: { id: 'HX1', variables: {} } });
      expect(verdict.ok === false && verdict.reason).toMatch(new RegExp(`^${address} is an? (alphanumeric sender ID|short code): .*cannot receive`));
    }
  });
});
