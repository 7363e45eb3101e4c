import { afterEach, describe, expect, it } from 'vitest';
import { deliver, pdIncidentEvent } from '../support/pagerduty-webhooks.js';
import { plainTextValue, staticSelectValue } from '../support/slack-requests.js';
import { startPagingHarness, type PagingHarness } from '../features/paging/paging-harness.js';

// A PagerDuty incident Warden did not open (PGR0VU2), declared in Warden from its announcement's button.
let h: PagingHarness;
afterEach(async () => {
  await h.stop();
});

async function declareFromPagerDuty(): Promise<string> {
  await deliver(h.url, pdIncidentEvent('incident.triggered', h.clock.now()));
  await h.settle();
  const announced = h.slack.messages(h.announcementsId).find((m) => m.text.includes('PagerDuty incident'));
  await h.action({ actionId: 'paging.declare', value: 'PGR0VU2', userId: 'UALICE', channelId: h.announcementsId, messageTs: announced?.ts ?? '' });
  const view = h.slack.views().at(-1)?.view as { private_metadata: string };
  const values = { title: { title: plainTextValue('Checkout latency high') }, severity: { severity: staticSelectValue('sev1') } };
  await h.submit({ callbackId: 'incident.declare', privateMetadata: view.private_metadata, values, userId: 'UALICE' });
  await h.settle();
  return h.incidentChannel();
}

describe('an incident PagerDuty opened, run in Warden', () => {
  it('when it is resolved in Warden, then PagerDuty is told once (as paging.fromEmail), and its webhook echo posts nothing', async () => {
    h = await startPagingHarness({ paging: { fromEmail: 'ada@example.com' } });
    const channel = await declareFromPagerDuty();
    expect(h.pd.events()).toEqual([]); // declared from PagerDuty: nothing paged a second time
    await h.say('resolve', 'UALICE', channel);
    await h.settle();
    expect(h.pd.incidentUpdates().map((u) => [u.pdIncidentId, u.status, u.from])).toEqual([['PGR0VU2', 'resolved', 'ada@example.com']]);
    const before = h.texts(channel).length;
    await deliver(h.url, pdIncidentEvent('incident.resolved', h.clock.now(), { status: 'resolved' }));
    await h.settle();
    expect(h.texts(channel).slice(before).filter((t) => t.includes('PagerDuty'))).toEqual([]);
  });

  it('when no PagerDuty user is configured to act as, then the channel is told to resolve it in PagerDuty', async () => {
    h = await startPagingHarness();
    const channel = await declareFromPagerDuty();
    await h.say('resolve', 'UALICE', channel);
    await h.settle();
    expect(h.pd.incidentUpdates()).toEqual([]);
    expect(h.texts(channel)).toContain(':information_source: Warden cannot mark PagerDuty incident PGR0VU2 resolved: set `paging.fromEmail` (a PagerDuty user Warden acts as). Do it in PagerDuty for now.');
  });
});
