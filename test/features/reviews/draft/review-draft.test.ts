import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlaybookDirs } from '../../../../src/compose-features.js';
import { loadClockCatalog } from '../../../../src/config/index.js';
import { gatherReviewFacts, loadReviewTemplate, postReviewDraft, reviewSourcesOf, type DraftSlack } from '../../../../src/features/reviews/draft/index.js';
import { formatTime } from '../../../../src/features/reviews/draft/format.js';
import { WardenError } from '../../../../src/platform/errors.js';
import { startFullHarness } from '../../../support/full-harness.js';
import { standInClient } from '../../../support/stand-in-client.js';
import { replyText, type Harness } from '../../../support/warden-harness.js';
import { declareTyped } from '../../playbooks/app/playbook-harness.js';
import { anActionItem, at } from './review-builders.js';

const MIN = 60_000;
let h: Harness;
let id: string;
let channel: string;

const say = async (text: string, user = 'UALICE') => replyText((await h.incident(text, { channel, user })).body);

/** The review facts of the incident now, read through the real stores, catalogs and the action-items port. */
function facts(actionItems = [anActionItem({ text: 'Add a canary for <@UBOB|bob>’s checkout deploys' })]) {
  const sources = reviewSourcesOf(h.db, h.warden.store, {
    clockCatalog: loadClockCatalog(h.config, ['regimes']),
    playbooks: loadPlaybookDirs(h.config.playbooks.dirs),
    actionItems: () => actionItems,
  });
  return gatherReviewFacts(sources, id, h.clock.now(), { owner: 'UCAROL', dueAt: at('2026-11-29T17:00:00Z'), status: 'scheduled', meetingAt: null, drill: false });
}

// A real WebClient on the stand-in; assigning it to the port proves a WebClient satisfies it.
const client = (): DraftSlack => standInClient(h.slack);
const post = (userId: string, inChannel = channel) =>
  postReviewDraft(client(), { channelId: inChannel, userId, facts: facts(), template: loadReviewTemplate('templates'), displayZone: h.config.timeZone });

describe('the post-incident review draft, from a real incident', () => {
  beforeEach(async () => {
    h = await startFullHarness();
    ({ id, channel } = await declareTyped(h, 'outage', 'Checkout down'));
    await h.advance(5 * MIN);
    await say('note Rolled back the 14:02 deploy', 'UBOB');
    await h.advance(5 * MIN);
    await say('sev sev1');
    await say('role comms <@UCAROL|carol>');
    await say('playbook done assign-roles');
    await say('playbook skip recent-changes No change in the last day');
    await say('clock became_aware 2026-11-22T08:30:00Z', 'UCAROL');
    await say('regime add gdpr', 'UCAROL');
    await h.advance(20 * MIN);
    await say('submitted gdpr:supervisory_authority DPC-2026-0042', 'UCAROL');
    await say('role commander <@UBOB|bob>');
    await h.advance(60 * MIN);
    await say('resolve', 'UBOB');
    await h.settle();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('when the draft is posted for a reader in Tokyo, then the channel gets a Markdown file with the real timeline in JST', async () => {
    const posted = await post('UCAROL');
    const [file] = h.slack.files(channel);
    expect(file).toMatchObject({ filename: `${id}-review.md`, title: `Post-incident review: ${id}`, channelId: channel });
    expect(file!.content).toBe(posted.content);
    expect(file!.initialComment).toContain(`Post-incident review draft for ${id}`);
    expect(h.slack.messages(channel).at(-1)?.files?.[0]?.id).toBe(file!.id);

    const timeline = h.warden.store.timeline.list(id);
    expect(timeline.length).toBeGreaterThanOrEqual(8);
    for (const entry of timeline) expect(file!.content).toContain(`- ${formatTime(entry.at, 'Asia/Tokyo')} · `);
    expect(file!.content).toContain('- 2026-11-22 18:05 JST · @Bob Example · Rolled back the 14:02 deploy');
    expect(file!.content).toContain('Times are in Asia/Tokyo (JST).');
  });

  it('when the draft is posted, then it holds the severity and role history, the GDPR clock met with its margin, the notice sent, the checklist and the action items', async () => {
    const { content } = await post('UALICE');
    expect(content).toContain('- sev2 from 2026-11-22 09:00 GMT to 2026-11-22 09:10 GMT (10 min), set by @Alice Example');
    expect(content).toContain('- sev1 from 2026-11-22 09:10 GMT, set by @Alice Example');
    expect(content).toContain('- commander: @Alice Example from 2026-11-22 09:00 GMT to 2026-11-22 09:30 GMT');
    expect(content).toContain('- commander: @Bob Example from 2026-11-22 09:30 GMT');
    expect(content).toContain('- comms: @Carol Example from 2026-11-22 09:10 GMT');
    // Aware 08:30Z, 72 h to the authority, submitted at 09:30Z: 71 h to spare.
    expect(content).toContain('- supervisory\\_authority → ');
    expect(content).toContain('met with 2 d 23 h to spare (submitted 2026-11-22 09:30 GMT)');
    expect(content).toContain('- gdpr:supervisory\\_authority: submitted 2026-11-22 09:30 GMT by @Carol Example, reference DPC-2026-0042');
    expect(content).toContain('Playbook: Service outage');
    expect(content).toMatch(/- Assign commander, comms and ops leads \(Detection & analysis\): @Alice Example, 2026-11-22 09:10 GMT/);
    expect(content).toMatch(/- List recent changes \(Detection & analysis\): @Alice Example, 2026-11-22 09:10 GMT; reason: No change in the last day/);
    expect(content).toMatch(/Left open:\n- Confirm the impact/);
    expect(content).toContain('- [ ] Add a canary for @Bob Example’s checkout deploys: @Bob Example, due 2026-12-01 17:00 GMT');
    expect(content).toContain('- Resolved: 2026-11-22 10:30 GMT (1 h 30 min after it was declared)');
    expect(content).toContain('- Review owner: @Carol Example');
  });

  it('when Slack does not give the reader’s zone, then the draft uses the configured display zone and says so', async () => {
    h.slack.failNext('users.info', 'user_not_found');
    const posted = await post('UBOB');
    expect(posted.reader).toEqual({ zone: 'UTC', fromProfile: false });
    expect(h.slack.files(channel)[0]!.content).toContain("Times are in UTC (UTC): your Slack profile has no time zone, so this is Warden's display zone.");
  });

  it('when the bot is not in the channel, then the draft is refused with what to do and nothing is shared', async () => {
    const outside = h.slack.addChannel('not-joined', { botJoined: false });
    const error = await post('UALICE', outside.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WardenError);
    expect((error as WardenError).message).toContain('Invite @warden to the channel');
    expect(h.slack.files()).toEqual([]);
  });
});
