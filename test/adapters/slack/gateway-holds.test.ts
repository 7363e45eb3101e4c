import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { channelNotReady, createSlackGateway } from '../../../src/adapters/slack/gateway.js';
import { PacedError } from '../../../src/adapters/slack/pacer.js';

const gateway = createSlackGateway(new WebClient('xoxb-not-real', { slackApiUrl: 'http://127.0.0.1:9/api/' }));

describe("the Slack gateway's verdict on a put-off call: what holds the incident's lane", () => {
  it('when a channel creation is paced, or a post waits for its channel, then the incident\'s later jobs wait behind it', () => {
    expect(gateway.classify(new PacedError('conversations.create', 3_000))).toMatchObject({ retry: true, afterMs: 3_000, spendsAttempt: false, holdsLane: true });
    expect(gateway.classify(channelNotReady('INC-2026-0001'))).toMatchObject({ retry: true, spendsAttempt: false, holdsLane: true });
  });

  it('when a post (to any channel) or a history read is paced, then it is put off alone: the incident channel\'s posts go on', () => {
    for (const method of ['chat.postMessage', 'conversations.history', 'chat.update']) {
      expect(gateway.classify(new PacedError(method, 1_000)), method).toMatchObject({ retry: true, afterMs: 1_000, spendsAttempt: false, holdsLane: false });
    }
  });
});
