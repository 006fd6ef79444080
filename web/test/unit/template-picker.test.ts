// The preview of a template as the customer will read it.
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/composer/template-picker.tsx';

const template = { name: 'Order update', contentSid: `HX${'0'.repeat(32)}`, body: 'Hi {{1}}, your order {{ 2 }} has shipped. {{1}}!', variables: [{ key: '1', label: 'Name' }, { key: '2', label: 'Order' }] };

describe('fillTemplate', () => {
  it('fills every placeholder, however often and however spaced', () => {
    expect(fillTemplate(template, { 1: 'Wanda', 2: '7781' })).toBe('Hi Wanda, your order 7781 has shipped. Wanda!');
  });
  it('leaves an empty placeholder visible', () => {
    expect(fillTemplate(template, { 1: ' ' })).toBe('Hi {{1}}, your order {{ 2 }} has shipped. {{1}}!');
  });
});
