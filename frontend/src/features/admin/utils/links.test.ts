import { describe, expect, it } from 'vitest';
import { splitLinks } from './links';

describe('links in an email’s text', () => {
  it('are found, without the punctuation that ends the sentence', () => {
    expect(
      splitLinks('Open http://localhost:8080/verify-email?token=abc-123. Then (https://x.test/a)!'),
    ).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'http://localhost:8080/verify-email?token=abc-123' },
      { kind: 'text', text: '. Then (' },
      { kind: 'link', href: 'https://x.test/a' },
      { kind: 'text', text: ')!' },
    ]);
  });

  it('leave text without links alone', () => {
    expect(splitLinks('Hello\nno links here')).toEqual([
      { kind: 'text', text: 'Hello\nno links here' },
    ]);
    expect(splitLinks('')).toEqual([]);
  });
});
