// The line under the timeline that says who is typing.
import { describe, expect, it } from 'vitest';
import { typingSentence } from '../../src/conversation/use-typing.ts';

describe('typingSentence', () => {
  it('says nothing when nobody types', () => {
    expect(typingSentence([])).toBeNull();
  });
  it('names one, two or more people', () => {
    expect(typingSentence(['Maria'])).toBe('Maria is typing…');
    expect(typingSentence(['Maria', 'Bob'])).toBe('Maria and Bob are typing…');
    expect(typingSentence(['Maria', 'Bob', 'Ada'])).toBe('Maria, Bob and Ada are typing…');
  });
});
