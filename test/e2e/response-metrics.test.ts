import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, type Harness } from '../support/warden-harness.js';
import { startFullHarness } from '../support/full-harness.js';

let h: Harness;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => {
  await h.stop();
});

async function declare(text: string, id: string): Promise<(verb: string, user?: string) => Promise<string>> {
  await h.incident(`declare ${text}`);
  await h.settle();
  const channel = h.incidentChannel(id);
  return async (verb, user = 'UALICE') => replyText((await h.incident(verb, { channel, user })).body);
}

const scrape = async () => {
  const res = await fetch(`${h.url}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
};
/** The value of one series line, e.g. `warden_incident_mttr_seconds_sum{severity="sev1"}`. */
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('response metrics on /metrics', () => {
  it('when incidents are declared, assigned, submitted, resolved and reopened, then the histograms count them over the last 30 days, drills left out', async () => {
    // sev1, detected 20 minutes before it was declared at 09:00; GDPR notice submitted 2 h in; resolved at 11:30, reopened, resolved again.
    const sev1 = await declare('sev1 Payments API down', 'INC-2026-0001');
    expect(await sev1('clock detected 2026-11-22T08:40:00Z')).toContain('detected');
    expect(await sev1('role comms <@UBOB|bob>')).toContain('assigned');
    expect(await sev1('regime add gdpr', 'UBOB')).toContain('Applied *GDPR');
    await h.advance(120 * MIN);
    expect(await sev1('submitted gdpr:supervisory_authority DPC-1', 'UBOB')).toContain('submitted');
    await h.advance(30 * MIN);
    expect(await sev1('resolve')).toContain('now *resolved*');
    await h.advance(10 * MIN);
    expect(await sev1('status investigating')).toContain('now *investigating*');
    await h.advance(60 * MIN);
    expect(await sev1('resolve')).toContain('now *resolved*');
    // sev2 resolved 45 minutes after it was declared; a sev3 still open; a drill resolved at once.
    const sev2 = await declare('sev2 Search slow', 'INC-2026-0002');
    await h.advance(45 * MIN);
    await sev2('resolve');
    await declare('sev3 Flaky login', 'INC-2026-0003');
    const drill = await declare('sev1 --drill Tabletop exercise', 'INC-2026-0004');
    await h.advance(2 * MIN);
    await drill('resolve');

    const text = await scrape();
    expect(text).toContain('# TYPE warden_incident_mtta_seconds histogram');
    expect(value(text, 'warden_incident_mtta_seconds_count{severity="sev1"}')).toBe(1);
    expect(value(text, 'warden_incident_mtta_seconds_sum{severity="sev1"}')).toBe(20 * 60);
    expect(value(text, 'warden_incident_mtta_seconds_bucket{le="900",severity="sev1"}')).toBe(0);
    expect(value(text, 'warden_incident_mtta_seconds_bucket{le="1800",severity="sev1"}')).toBe(1);
    expect(value(text, 'warden_incident_mtta_seconds_count{severity="sev3"}')).toBe(1);
    expect(value(text, 'warden_incident_mttr_seconds_count{severity="sev1"}')).toBe(1);
    expect(value(text, 'warden_incident_mttr_seconds_sum{severity="sev1"}')).toBe(150 * 60);
    expect(value(text, 'warden_incident_mttr_seconds_sum{severity="sev2"}')).toBe(45 * 60);
    expect(value(text, 'warden_incident_mttr_seconds_count{severity="sev3"}')).toBeUndefined();
    expect(value(text, 'warden_legal_submission_seconds_count{regime="gdpr",stage="supervisory_authority"}')).toBe(1);
    expect(value(text, 'warden_legal_submission_seconds_sum{regime="gdpr",stage="supervisory_authority"}')).toBe(120 * 60);

    // A month on, they have left the window.
    await h.advance(31 * DAY);
    const later = await scrape();
    expect(value(later, 'warden_incident_mttr_seconds_count{severity="sev1"}')).toBeUndefined();
    expect(later).toContain('# TYPE warden_incident_mttr_seconds histogram');
  });

  it('when the detection time is corrected, then the next scrape past the minute shows the corrected MTTA, the old one gone', async () => {
    const sev2 = await declare('sev2 Disk full', 'INC-2026-0001');
    expect(await sev2('clock detected 2026-11-22T08:40:00Z')).toContain('detected');
    await h.advance(MIN); // the window ends now, and an incident declared now is not yet in it
    const first = await scrape();
    expect(value(first, 'warden_incident_mtta_seconds_count{severity="sev2"}')).toBe(1);
    expect(value(first, 'warden_incident_mtta_seconds_sum{severity="sev2"}')).toBe(20 * 60);

    expect(await sev2('clock detected 2026-11-22T08:10:00Z')).toContain('Corrected from');
    await h.advance(61_000);
    const corrected = await scrape();
    expect(value(corrected, 'warden_incident_mtta_seconds_count{severity="sev2"}')).toBe(1);
    expect(value(corrected, 'warden_incident_mtta_seconds_sum{severity="sev2"}')).toBe(50 * 60);
    expect(value(corrected, 'warden_incident_mtta_seconds_bucket{le="1800",severity="sev2"}')).toBe(0);
    expect(value(corrected, 'warden_incident_mtta_seconds_bucket{le="3600",severity="sev2"}')).toBe(1);
  });
});
