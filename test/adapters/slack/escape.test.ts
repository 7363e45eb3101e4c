import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, slackDate, truncate } from '../../../src/adapters/slack/escape.js';

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel> wake up', '&lt;!channel&gt; wake up'],
    ['ping <!here> <@U123ABC|x> <#C1X|y>', 'ping &lt;!here&gt; &lt;@U123ABC|x&gt; &lt;#C1X|y&gt;'],
    ['<https://evil.example|https://bank.example>', '&lt;https://evil.example|https://bank.example&gt;'],
    ['R&D <3', 'R&amp;D &lt;3'],
    ['plain text', 'plain text'],
  ])('neutralises %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('keeps a person mention and a channel link as decodeSlackText stores them, and nothing that only looks like one', () => {
    expect(escapeMrkdwn('ask <@U123ABC> in <#C0INC1>')).toBe('ask <@U123ABC> in <#C0INC1>');
    expect(escapeMrkdwn('<@C0INC1> <#U123ABC> <@here> <@U1>')).toBe('&lt;@C0INC1&gt; &lt;#U123ABC&gt; &lt;@here&gt; &lt;@U1&gt;');
  });

  it('escapes an ampersand before the entities it creates, so they are not double-read', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 4)).toHaveLength(4);
  });
});

describe('slackDate', () => {
  it('renders a date token with a UTC fallback', () => {
    expect(slackDate(new Date('2026-11-22T09:30:00Z'))).toBe('<!date^1795339800^{date_short_pretty} {time}|2026-11-22 09:30 UTC>');
  });
});
