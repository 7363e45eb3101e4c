// Test support: Warden with the paging feature against the Slack stand-in and the HTTPS PagerDuty stand-in.
import { createPagerDuty } from '../../../src/adapters/pagerduty/index.js';
import { parseConfig, pagingPolicyFrom, type WardenConfigInput } from '../../../src/config/index.js';
import { pagingFeature } from '../../../src/features/paging/index.js';
import { startPagerDutyStandIn, STAND_IN_SERVICE_ID } from '../../support/stand-ins/pagerduty/index.js';
import { replyText, startHarness } from '../../support/warden-harness.js';
import { PD_SECRET } from '../../support/pagerduty-webhooks.js';

/** 32 characters, as an Events API v2 routing key is; not a real key. */
export const ROUTING_KEY = 'r0ut1ngkey0f0the0stand0in0000001';
export const PAYMENTS_KEY = 'r0ut1ngkey0f0the0stand0in0000002';

export async function startPagingHarness(config: WardenConfigInput = {}) {
  const pd = await startPagerDutyStandIn();
  const input: WardenConfigInput = { ...config, paging: { defaultServiceId: STAND_IN_SERVICE_ID, services: { payments: { routingKeyEnv: 'PD_KEY_PAYMENTS' } }, ...config.paging } };
  const pagerDuty = createPagerDuty({ eventsUrl: pd.url, apiUrl: pd.url, token: pd.token, ca: pd.caPem, timeoutMs: 2_000, halfOpenAfterMs: 50 });
  const policy = pagingPolicyFrom(parseConfig(input), ROUTING_KEY, { PD_KEY_PAYMENTS: PAYMENTS_KEY });
  // The announcements channel exists once the harness runs; the feature reads it when a job runs.
  const settings = { pagerDuty, policy, announcementsChannel: null as string | null };
  const h = await startHarness({ config: input, features: [pagingFeature(settings)], pagerDutyWebhookSecrets: [PD_SECRET] });
  settings.announcementsChannel = h.announcementsId;
  return {
    ...h,
    pd,
    /** `/incident <text>` in a channel as a user; the ephemeral reply's text. */
    async say(text: string, user = 'UALICE', channel?: string): Promise<string> {
      return replyText((await h.incident(text, { user, ...(channel ? { channel } : {}) })).body);
    },
    /** The channel's messages' texts. */
    texts: (channel: string) => h.slack.messages(channel).map((m) => m.text),
    async stop() {
      await h.stop();
      await pd.stop();
    },
  };
}

export type PagingHarness = Awaited<ReturnType<typeof startPagingHarness>>;
