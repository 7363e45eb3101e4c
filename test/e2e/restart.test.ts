import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const MIN = 60_000;
const reminders = (channel: string) => h.slack.messages(channel).filter((m) => m.text.includes(':alarm_clock:'));

describe('when Warden restarts', () => {
  it('keeps its reminders: one that fell due while it was down goes out at start-up, once', async () => {
    await h.incident('declare sev1 Restart survives');
    await h.settle();
    const channel = h.incidentChannel();
    await h.warden.stop();
    h.clock.advance(45 * MIN);
    await h.restart();
    await h.settle();
    expect(reminders(channel)).toHaveLength(1);
    await h.advance(14 * MIN);
    expect(reminders(channel)).toHaveLength(1);
    await h.advance(16 * MIN);
    expect(reminders(channel)).toHaveLength(2);
  });

  it('delivers messages queued before a crash, and nothing twice', async () => {
    await h.incident('declare sev2 Queued before crash');
    await h.settle();
    const channel = h.incidentChannel();
    h.slack.failNext('chat.postMessage', 'service_unavailable', 2);
    await h.incident('update Posted while Slack was down', { channel });
    await h.settle();
    await h.restart();
    await h.advance(2_000);
    await h.advance(4_000);
    expect(h.slack.messages(channel).filter((m) => m.text.includes('Posted while Slack was down'))).toHaveLength(1);
    expect(h.warden.store.incidents.listOpen()).toHaveLength(1);
  });
});

describe('the job table an operator reads', () => {
  it('records a reminder that ran as done, and the next one as pending', async () => {
    await h.incident('declare sev1 Job bookkeeping');
    await h.settle();
    const id = h.warden.store.incidents.listOpen()[0]!.id;
    await h.advance(30 * MIN);
    const reminders = h.db.prepare("SELECT status FROM jobs WHERE incident_id = ? AND kind = 'incident.update_reminder' ORDER BY id").pluck().all(id);
    expect(reminders).toEqual(['done', 'pending']);
  });
});
