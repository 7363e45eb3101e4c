import { describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../../src/adapters/slack/slack-text.js';
import { escapeMrkdwn } from '../../../src/adapters/slack/escape.js';
import { slackEscape } from '../../support/stand-ins/slack/requests/index.js';

describe('decodeSlackText: what Slack sends back to what the person typed', () => {
  it.each([
    ['R&amp;D VPN &lt;eu&gt; down', 'R&D VPN <eu> down'],
    ['&amp;lt; is how you write &lt;', '&lt; is how you write <'],
    ['ask <@U123ABC|alice> and <@W0ENT>', 'ask <@U123ABC> and <@W0ENT>'],
    ['in <#C0INC1|inc-1> now', 'in <#C0INC1> now'],
    ['<!here> and <!channel> and <!everyone>', '@here and @channel and @everyone'],
    ['page <!subteam^S0ONCALL|@oncall>', 'page @oncall'],
    ['see <https://status.example/x|status.example/x> or <https://a.example>', 'see status.example/x or https://a.example'],
    ['mail <mailto:soc@example.com|soc@example.com>', 'mail soc@example.com'],
    ['plain', 'plain'],
  ])('decodes %j', (sent, typed) => {
    expect(decodeSlackText(sent)).toBe(typed);
  });

  it('when typed text goes to Slack and back, then it is what was typed; escaping it again shows it once, never as markup', () => {
    for (const typed of ['R&D <eu> & <!here>', '<https://evil.example|bank>', 'a &amp; b', 'ping <@U123ABC>']) {
      const back = decodeSlackText(slackEscape(typed));
      expect(back).toBe(typed);
      expect(escapeMrkdwn(back)).not.toMatch(/<!here>|<https:/);
    }
  });
});
