// The call flow's TwiML for each situation, as Twilio will read it.
import { describe, expect, it } from 'vitest';
import { voiceSettingsSchema } from '../../../../channels/voice/schema.ts';
import { connectResultTwiml, connectTwiml, incomingCallTwiml, menuChoice, waitTwiml } from '../../../../channels/voice/twiml.ts';

const urls = { menu: 'https://p.test/menu', wait: 'https://p.test/wait', connected: 'https://p.test/connected', voicemail: 'https://p.test/vm', transcription: 'https://p.test/tr' };
const base = { accountSid: 'AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b', authToken: 't' };
const settings = (extra: Record<string, unknown> = {}) => voiceSettingsSchema.parse({ ...base, ...extra });

describe('voice TwiML', () => {
  it('greets and offers the menu, falling through to the menu step without a key', () => {
    const xml = incomingCallTwiml(settings({ menu: { prompt: 'Press 1 for sales', options: { '1': 'Sales' } }, sayVoice: 'Polly.Joanna' }), { open: true, channelId: 'c1', urls });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna">Thank you for calling.</Say><Gather numDigits="1" action="https://p.test/menu" method="POST" timeout="5"><Say voice="Polly.Joanna">Press 1 for sales</Say></Gather><Redirect method="POST">https://p.test/menu</Redirect></Response>',
    );
  });

  it('without a menu rings the forward number for the ring timeout', () => {
    const xml = incomingCallTwiml(settings({ forwardTo: 'sip:desk@pbx.example.com', ringTimeoutSeconds: 25 }), { open: true, channelId: 'c1', urls });
    expect(xml).toContain('<Dial timeout="25" action="https://p.test/connected" method="POST" answerOnBridge="true"><Sip>sip:desk@pbx.example.com</Sip></Dial>');
  });

  it('without a number to ring puts the caller in the channel’s Twilio queue', () => {
    expect(connectTwiml(settings(), { channelId: 'c1', urls })).toContain('<Enqueue waitUrl="https://p.test/wait" waitUrlMethod="POST" action="https://p.test/connected" method="POST">parley-c1</Enqueue>');
  });

  it('outside business hours records a voicemail with transcription', () => {
    const xml = incomingCallTwiml(settings({ menu: { prompt: 'x', options: { '1': 'y' } } }), { open: false, channelId: 'c1', urls });
    expect(xml).not.toContain('Gather');
    expect(xml).toContain('<Record action="https://p.test/vm" method="POST" maxLength="120" playBeep="true" finishOnKey="#" transcribe="true" transcribeCallback="https://p.test/tr"/>');
  });

  it('after ringing: voicemail if nobody answered, hang up if someone did or the caller left', () => {
    expect(connectResultTwiml(settings(), { connected: false, callerGone: false, urls })).toContain('<Record ');
    expect(connectResultTwiml(settings(), { connected: true, callerGone: false, urls })).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
    expect(connectResultTwiml(settings(), { connected: false, callerGone: true, urls })).not.toContain('<Record');
  });

  it('holds a queued caller until the ring timeout, then leaves the queue', () => {
    expect(waitTwiml(settings({ ringTimeoutSeconds: 30 }), 0)).toContain('<Pause length="10"/>');
    expect(waitTwiml(settings({ ringTimeoutSeconds: 30 }), 26)).toContain('<Pause length="4"/>');
    expect(waitTwiml(settings({ ringTimeoutSeconds: 30 }), 30)).toContain('<Leave/>');
  });

  it('escapes spoken text', () => {
    expect(incomingCallTwiml(settings({ greeting: 'Smith & <Sons>' }), { open: true, channelId: 'c1', urls })).toContain('<Say>Smith &amp; &lt;Sons&gt;</Say>');
  });

  it('counts only menu options as a choice', () => {
    const s = settings({ menu: { prompt: 'x', options: { '1': 'Sales', '2': 'Support' } } });
    expect(menuChoice(s, '2')).toBe('2');
    expect(menuChoice(s, '9')).toBeNull();
    expect(menuChoice(s, undefined)).toBeNull();
    expect(menuChoice(settings(), '1')).toBeNull();
  });
});
