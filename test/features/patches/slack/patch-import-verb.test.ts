import { describe, expect, it } from 'vitest';
import { mayCarryBotToken } from '../../../../src/features/patches/slack/patch-import-verb.js';

const SLACK = 'https://slack.com/api/';
const STAND_IN = 'http://127.0.0.1:41234/api/';

describe('mayCarryBotToken', () => {
  it.each([
    ['https://files.slack.com/files-pri/T1-F1/download/report.json', SLACK, true],
    ['https://slack.com/files/report.json', SLACK, true],
    ['http://files.slack.com/files-pri/T1-F1/download/report.json', SLACK, false],
    ['https://files.slack.com.evil.example/report.json', SLACK, false],
    ['https://evilslack.com/report.json', SLACK, false],
    ['https://example.com/report.json', SLACK, false],
    ['http://127.0.0.1:41234/files/F1/download', STAND_IN, true],
    ['http://127.0.0.2:41234/files/F1/download', STAND_IN, false],
    ['https://127.0.0.1:41234/files/F1/download', STAND_IN, false],
    ['not a url', SLACK, false],
  ])('when the download address is %s (Web API at %s), then the token may go: %s', (url, apiUrl, allowed) => {
    expect(mayCarryBotToken(url, apiUrl)).toBe(allowed);
  });
});
