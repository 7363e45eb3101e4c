import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFullHarness } from '../support/full-harness.js';
import { replyText, type Harness } from '../support/warden-harness.js';

let h: Harness;
const MIN = 60_000;
const MANAGER = 'UMANAG01';

beforeEach(async () => {
  h = await startFullHarness({ permissions: { roles: { manager: { users: [MANAGER] } } } });
});
afterEach(async () => {
  await h.stop();
});

const declare = async (text: string) => {
  const reply = replyText((await h.incident(`declare ${text}`)).body);
  await h.settle();
  return reply;
};
const scrape = async () => {
  const res = await fetch(`${h.url}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
};
const line = (text: string, series: string) => text.split('\n').find((l) => l.startsWith(`${series} `));
const inChannelOf = (id: string, verb: string) => h.incident(verb, { channel: h.incidentChannel(id) });

describe('drills and the metrics', () => {
  it('when a drill is declared, with --drill or --type drill, then the reply says it is left out of the metrics; a real incident says nothing of the kind', async () => {
    const real = await declare('sev1 Payments API down');
    const flagged = await declare('sev1 --drill Tabletop: ransomware on the file servers');
    const typed = await declare('sev2 --type drill Tabletop: leaked AWS key');
    expect(real).not.toContain('drill');
    expect(flagged).toContain('(sev1, drill)');
    expect(typed).toContain('(sev2, drill)');
    for (const reply of [flagged, typed]) {
      expect(reply).toContain('This is a drill: it is left out of every metric (`warden_incidents_open`, response times on `/metrics` and in `warden metrics`, the digests\' open counts) and pages nobody.');
    }
    expect(h.warden.store.incidents.get('INC-2026-0003')?.drill).toBe(true);
  });

  it('when drills are open and resolved, then warden_incidents_open and the response histograms leave them out, and their HELP says so', async () => {
    await declare('sev1 Payments API down');
    await declare('sev1 --drill Tabletop one');
    await declare('sev2 --type drill Tabletop two');
    // A row stored before `--type drill` set the flag too: a drill all the same.
    h.db.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, private, flags, declared_by, declared_at)
      VALUES ('INC-2026-0099', 'Old drill', 'drill', 'sev2', 'investigating', 0, 0, '[]', 'UALICE', ?)`).run(h.clock.now().toISOString());
    await h.advance(10 * MIN);
    await inChannelOf('INC-2026-0002', 'resolve');
    await inChannelOf('INC-2026-0003', 'resolve');
    const text = await scrape();
    expect(line(text, 'warden_incidents_open{severity="sev1"}')).toBe('warden_incidents_open{severity="sev1"} 1');
    expect(line(text, 'warden_incidents_open{severity="sev2"}')).toBe('warden_incidents_open{severity="sev2"} 0');
    expect(text).toContain('# HELP warden_incidents_open Incidents not yet closed, by severity; drills (tabletop exercises) are excluded.');
    expect(text).toMatch(/# HELP warden_incident_mtta_seconds .*drills excluded\./);
    expect(text).toMatch(/# HELP warden_incident_mttr_seconds .*drills excluded\./);
    expect(text).toMatch(/# HELP warden_legal_submission_seconds .*drills excluded\./);
    expect(line(text, 'warden_incident_mtta_seconds_count{severity="sev1"}')).toBe('warden_incident_mtta_seconds_count{severity="sev1"} 1');
    expect(line(text, 'warden_incident_mttr_seconds_count{severity="sev1"}')).toBeUndefined();
    expect(line(text, 'warden_incident_mtta_seconds_count{severity="sev2"}')).toBeUndefined();
  });

  it("when a manager asks for the digest, then open drills are not counted, not listed, and said apart", async () => {
    await declare('sev1 Payments API down');
    await declare('sev1 --drill Tabletop one');
    await declare('sev2 --type drill Tabletop two');
    const managers = h.slack.channels().find((c) => c.name === 'security-managers')!.id;
    const text = replyText((await h.command('/warden', 'digest incidents', { user: MANAGER, channel: managers })).body);
    expect(text).toContain('*1 open*: sev1: 1 (2 drills open, not counted)');
    expect(text).toContain('Payments API down');
    expect(text).not.toContain('Tabletop');
  });
});
