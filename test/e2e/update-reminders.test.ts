import { afterEach, describe, expect, it } from 'vitest';
import type { WardenConfigInput } from '../../src/config/index.js';
import { startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
let channel: string;
const MIN = 60_000;
const reminders = () => h.slack.messages(channel).filter((m) => m.text.startsWith(':alarm_clock: <@UALICE>'));
const reminderTimes = () => h.slack.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === channel && String(c.args.text).startsWith(':alarm_clock:')).map((c) => c.at);

afterEach(async () => {
  await h.stop();
});

async function declare(text: string, config: WardenConfigInput = {}, start?: string) {
  h = await startHarness({ config, ...(start ? { start } : {}) });
  await h.incident(`declare ${text}`);
  await h.settle();
  channel = h.incidentChannel();
}

describe('commander update reminders', () => {
  it('when nobody posts an update, then the commander is reminded up to the cap, the last one says so once, and then nothing', async () => {
    await declare('sev1 Payments API down', { incidents: { updateReminders: { maxPerUpdate: 3 } } });
    await h.advance(30 * MIN);
    expect(reminders().map((m) => m.text)).toEqual([expect.stringMatching(/it has been 30m since the last update .* Reminder 1 of 3\.$/)]);
    await h.advance(30 * MIN);
    await h.advance(30 * MIN);
    expect(reminders().map((m) => m.text.replace(/^.* Reminder/, 'Reminder'))).toEqual([
      'Reminder 1 of 3.',
      'Reminder 2 of 3.',
      'Reminder 3 of 3, the last: Warden stops reminding until the next update.',
    ]);
    await h.advance(6 * 60 * MIN);
    expect(reminders()).toHaveLength(3);
    expect(h.slack.messages(channel).filter((m) => m.text.includes('the last: Warden stops reminding'))).toHaveLength(1);
    expect(h.warden.store.jobs.pendingFor(h.warden.store.incidents.listOpen()[0]!.id).filter((j) => j.kind === 'incident.update_reminder')).toEqual([]);
  });

  it('when the commander posts an update after the cap, then the reminders start again from 1', async () => {
    await declare('sev1 Payments API down', { incidents: { updateReminders: { maxPerUpdate: 2 } } });
    await h.advance(30 * MIN);
    await h.advance(30 * MIN);
    await h.advance(30 * MIN);
    expect(reminders()).toHaveLength(2);
    await h.incident('update Rolled back; watching error rates', { channel });
    await h.advance(30 * MIN);
    expect(reminders()).toHaveLength(3);
    expect(reminders().at(-1)?.text).toMatch(/it has been 30m since the last update .* Reminder 1 of 2\.$/);
  });

  it('when the cap is 0, then the commander gets no update reminders', async () => {
    await declare('sev1 Payments API down', { incidents: { updateReminders: { maxPerUpdate: 0 } } });
    await h.advance(3 * 60 * MIN);
    expect(reminders()).toHaveLength(0);
  });

  it('when a reminder falls in quiet hours, then it waits for their end, like step nags', async () => {
    // sev2 reminds every hour; declared 21:30 UTC, the first would be 22:30, inside 22:00-07:00 UTC.
    await declare('sev2 Login failures', { quietHours: { start: '22:00', end: '07:00', timeZone: 'UTC' } }, '2026-11-24T21:30:00.000Z');
    await h.advance(9 * 60 * MIN + 29 * MIN); // 06:59 the next day
    expect(reminders()).toHaveLength(0);
    await h.advance(1 * MIN);
    expect(reminderTimes()).toEqual(['2026-11-25T07:00:00.000Z']);
    expect(reminders()[0]?.text).toContain('it has been 9h30m since the last update');
  });

  it('when sev1 is configured to ignore quiet hours, then its reminders go out at night on the cadence while sev2 waits', async () => {
    const config: WardenConfigInput = { severities: { sev1: { ignoreQuietHours: true }, sev2: null, sev3: null, sev4: null }, quietHours: { start: '22:00', end: '07:00', timeZone: 'UTC' } };
    await declare('sev1 Payments API down', config, '2026-11-24T21:50:00.000Z');
    await h.advance(30 * MIN);
    await h.advance(30 * MIN);
    expect(reminderTimes()).toEqual(['2026-11-24T22:20:00.000Z', '2026-11-24T22:50:00.000Z']);
    await h.incident('sev sev2', { channel });
    await h.advance(3 * 60 * MIN);
    expect(reminderTimes()).toHaveLength(2);
  });
});
