// `parley parse email` on whole replies of test/fixtures/email/quotes: what an operator sees is
// the reply without its quoted history, and a forwarded message with its content.
import { describe, expect, it } from 'vitest';
import { parley } from '../../support/parley-cli.ts';

describe('parley parse email: quoted history and forwards', () => {
  it('prints an Outlook on the web reply trimmed at its divRplyFwdMsg header block, the full html kept', async () => {
    const run = await parley('parse', 'email', 'test/fixtures/email/quotes/outlook-web-divrplyfwdmsg.eml');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.text).toBe('Thanks, the export works again.');
    expect(json.quotedText).toContain('From: Acme Support <support@acme.test>');
    expect(json.quotedText).toContain('Please clear the cache and try the export again.');
    expect(json.html).toContain('Please clear the cache and try the export again.');
  });

  it('prints a Gmail forward with the forwarded message in the text', async () => {
    const run = await parley('parse', 'email', 'test/fixtures/email/quotes/gmail-forward.eml');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.text).toContain('Can you check this invoice?');
    expect(json.text).toContain('---------- Forwarded message ---------');
    expect(json.text).toContain('Your invoice 2211 of 120 EUR is due on 31 March.');
    expect(json.quotedText).toBeNull();
  });
});
