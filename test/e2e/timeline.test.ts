import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';
import { checkMessageBlocks } from '../support/stand-ins/slack/block-kit-limits.js';

let h: Harness;
let channel: string;
const MIN = 60_000;

beforeEach(async () => {
  h = await startHarness();
  await h.incident('declare sev1 Payments API down');
  await h.settle();
  channel = h.incidentChannel();
});
afterEach(async () => {
  await h.stop();
});

const timeline = async (args = '', user = 'UALICE', where = channel) => {
  const res = await h.incident(`timeline ${args}`.trim(), { channel: where, user });
  const body = res.body as { response_type?: string; blocks?: { elements?: { text?: string }[] }[] };
  const footer = (body.blocks ?? []).flatMap((b) => b.elements ?? []).map((e) => e.text ?? '');
  return { body, text: [replyText(res.body), ...footer].join('\n') };
};

/** `n` notes added to the timeline directly (the Arrange of a long incident; reading it goes through Slack). */
function seedNotes(n: number) {
  const id = h.warden.store.incidents.byChannel(channel)?.id as string;
  h.warden.store.transaction(() => {
    for (let i = 1; i <= n; i++) {
      h.warden.store.timeline.add({ incidentId: id, at: new Date(h.clock.now().getTime() + i * 1000), kind: 'note', actor: 'UBOB', text: `seeded note ${i} ${'long '.repeat(i % 7 === 0 ? 200 : 1)}` });
    }
  });
}

describe('/incident timeline', () => {
  it('when the incident has a few entries, then the person alone sees them, oldest first, with Slack dates, labels, mentions and escaped text', async () => {
    await h.advance(5 * MIN);
    await h.incident('note Customer says <!channel> is down & <@UBOB|bob> is on it', { channel });
    const { body, text } = await timeline();
    expect(body.response_type).toBe('ephemeral');
    expect(text).toContain('*Timeline of INC-2026-0001* · entries 1–3 of 3 · page 1 of 1');
    const lines = text.split('\n').filter((l) => l.startsWith('<!date^'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^<!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-11-22 09:00 UTC> · \*declared\* · <@UALICE>: Declared sev1: Payments API down$/);
    expect(lines[1]).toContain('· *note* · _warden_: Channel #');
    expect(lines[2]).toContain('2026-11-22 09:05 UTC> · *note* · <@UALICE>: Customer says &lt;!channel&gt; is down &amp; <@UBOB> is on it');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('That is the whole timeline.');
  });

  it('when the timeline has 400 entries, then the newest page comes first and older pages are reached by number, each accepted by Slack', async () => {
    seedNotes(398);
    const newest = await timeline();
    expect(newest.text).toContain('entries 376–400 of 400 · page 16 of 16');
    expect(newest.text).toContain('seeded note 398');
    expect(newest.text).not.toContain('seeded note 373 ');
    expect(newest.text).toContain('Older: `/incident timeline page 15`');
    expect(checkMessageBlocks(newest.body.blocks)).toEqual([]);
    for (const page of ['1', 'page 2', 'page 15']) {
      const older = await timeline(page);
      expect(checkMessageBlocks(older.body.blocks)).toEqual([]);
      expect(older.body.blocks?.length).toBeLessThanOrEqual(50);
    }
    const first = await timeline('page 1');
    expect(first.text).toContain('entries 1–25 of 400 · page 1 of 16');
    expect(first.text).toContain('*declared*');
    expect(first.text).toContain('Newer: `/incident timeline page 2` · Newest: `/incident timeline`');
    expect((await timeline('page 2')).text).toContain('seeded note 27 ');
  });

  it('when the timeline is empty, then it says so', async () => {
    // Nothing in Warden empties a timeline (it is append-only): the test lifts the guard to see the empty case.
    h.db.exec('DROP TRIGGER timeline_no_delete');
    h.db.prepare('DELETE FROM timeline').run();
    expect((await timeline()).text).toContain('*INC-2026-0001* has no timeline entries yet.');
  });

  it('when the page number is bad, then the error says which pages exist', async () => {
    expect((await timeline('page 9')).text).toContain('There is no page 9: this timeline has 1 page.');
    expect((await timeline('page 0')).text).toContain('There is no page 0');
    expect((await timeline('page banana')).text).toContain('`page banana` is not a page number. Usage: `/incident timeline [page N]`');
    expect((await timeline('page')).text).toContain('Which page?');
    expect((await timeline('-3')).text).toContain('is not a page number');
  });

  it('when the incident is resolved and closed, then its timeline still reads, with the moves in it', async () => {
    await h.incident('resolve', { channel });
    await h.incident('close', { channel });
    const { text } = await timeline();
    expect(text).toContain('· *status* · <@UALICE>: Status investigating → resolved');
    expect(text).toContain('Status resolved → closed');
  });

  it('when typed outside an incident channel, then it says where it works', async () => {
    expect((await timeline('', 'UALICE', 'CGENERAL')).text).toContain('`/incident timeline` works inside an incident channel.');
  });
});

describe('/incident timeline of a private incident', () => {
  it('when a member asks in its channel, then they read it; a non-member elsewhere learns nothing of it', async () => {
    await h.incident('declare sev2 --private Payroll export leaked', { user: 'UBOB' });
    await h.settle();
    const privateChannel = h.warden.store.incidents.get('INC-2026-0002')?.channelId as string;
    expect((await timeline('', 'UBOB', privateChannel)).text).toContain('Declared private sev2: Payroll export leaked');
    const outsider = (await timeline('', 'UCAROL', 'CGENERAL')).text;
    expect(outsider).toContain('works inside an incident channel');
    expect(outsider).not.toMatch(/payroll|INC-2026-0002/i);
  });
});
