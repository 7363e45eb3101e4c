import type { Job } from '../../../../platform/jobs/job-repo.js';
import { channelNameCandidates, channelNameFor } from '../../domain/channel-name.js';
import { commanderOf, type Incident } from '../../domain/incident.js';
import { WardenError } from '../../../../platform/errors.js';
import { recordChange } from '../../app/record.js';
import { incidentCard } from '../blocks/incident-card.js';
import { announcer } from './announce.js';
import { escapeMrkdwn, truncate } from '../../../../adapters/slack/escape.js';
import { ignoreSlackError as ignore, slackErrorCode, type SlackGateway } from '../../../../adapters/slack/gateway.js';
import { JOB_KINDS } from '../../app/outbox.js';
import type { SlackDeps } from '../../../../adapters/slack/commands/registry.js';
import { findCreatedChannel } from '../../../../adapters/slack/created-channel.js';
import { currentJob } from '../../../../platform/jobs/job-context.js';

// Suffixes before the incident number, which no other incident's name holds: few, as each try is a Tier 2 call
// (20 a minute) and a set-up paced mid-way starts its names again.
const MAX_NAME_ATTEMPTS = 5;

/**
 * How long a set-up must wait for its first call: one that never sent `conversations.create` (the job records it
 * before the call leaves) starts with it, at Tier 2 (20 a minute). Asked before the run loads anything, so a burst
 * of declarations is put off slot by slot without a run each that could only be put off.
 */
export const provisionPace = (slack: Pick<SlackGateway, 'waitFor'>) => (job: Pick<Job, 'id' | 'sendingAt'>): number =>
  job.sendingAt === null ? slack.waitFor('conversations.create', job.id) : 0;

/**
 * Sets up an incident in Slack: channel, invitation, topic, pinned card, announcement. Each step stores
 * its result before the next starts, so a retry after a failure resumes where it stopped instead of
 * creating a second channel or posting a second card.
 */
export function provisionChannelJob(deps: SlackDeps, slack: SlackGateway, announcementsChannel: string | null) {
  const load = (id: string): Incident => {
    const incident = deps.store.incidents.get(id);
    if (!incident) throw new WardenError('not_found', `No incident ${id}`);
    return incident;
  };
  const announce = announcer(deps, slack, announcementsChannel);
  return async (job: Job): Promise<void> => {
    const id = String(job.payload.incidentId);
    let incident = load(id);
    if (!incident.channelId) incident = await createChannel(incident);
    const channel = incident.channelId as string;
    await invite(id, channel, [...new Set([incident.declaredBy, commanderOf(incident)])]);
    await slack.call((c) => c.conversations.setTopic({ channel, topic: truncate(`${incident.id} · ${incident.severity} · ${escapeMrkdwn(incident.title)}`, 250) }));
    if (!incident.cardTs) {
      const card = incidentCard(incident, deps.policy);
      const posted = await slack.call((c) => c.chat.postMessage({ channel, ...card }));
      deps.store.incidents.update(id, { cardTs: posted.ts ?? null });
      await slack.call((c) => c.pins.add({ channel, timestamp: posted.ts as string })).catch(ignore('already_pinned'));
    }
    await announce(load(id));
  };

  async function createChannel(incident: Incident): Promise<Incident> {
    const names = channelNameCandidates(channelNameFor(incident, deps.policy.timeZone), incident.id, MAX_NAME_ATTEMPTS);
    for (const name of names) {
      const channelId = await createOrFind(incident, name);
      if (!channelId) continue;
      deps.store.transaction(() => {
        deps.store.incidents.update(incident.id, { channelId, channelName: name });
        recordChange(deps.store, { incidentId: incident.id, actor: 'warden', at: deps.clock.now(), kind: 'note', action: 'incident.channel_created', text: `Channel #${name} created`, data: { channelId, name } });
      });
      return { ...incident, channelId, channelName: name };
    }
    throw new WardenError('conflict', `Every channel name from ${names[0]} to ${names.at(-1)} is taken.`);
  }

  /**
   * The new channel's id, or null when the name is taken by someone else's channel. A run resumed after a lost
   * answer (its earlier run may have created the channel) takes the bot's own channel of that name, unless another
   * incident already has it.
   */
  async function createOrFind(incident: Incident, name: string): Promise<string | null> {
    const args = { name, ...(incident.private ? { is_private: true } : {}) };
    try {
      const created = await slack.call((c) => c.conversations.create(args));
      return created.channel?.id as string;
    } catch (error) {
      if (slackErrorCode(error) !== 'name_taken') throw error;
    }
    const since = currentJob()?.sentBefore;
    const found = since ? await slack.call((c) => findCreatedChannel(c, args, since)) : null;
    const id = found?.channel?.id;
    return id && !deps.store.incidents.byChannel(id) ? id : null;
  }

  /**
   * Slack's invite is all-or-nothing: one person already in (a retry, a new commander) would keep the others
   * out. `force` invites the valid ones; an answer that only says everyone is in already is fine. Whoever is
   * in afterwards is recorded as a member of the incident. Someone Slack will not let in (a guest, a deactivated
   * or unknown account) does not stop the set-up: the refusal is noted once and told (see inviteRefusedJob).
   */
  async function invite(incidentId: string, channel: string, users: string[]): Promise<void> {
    const answer = await slack.call((c) => c.conversations.invite({ channel, users: users.join(','), force: true })).then(
      (a) => a.errors ?? [],
      (error: unknown) => refusedInvites(error, users),
    );
    const refused = answer.filter((e) => e.error !== 'already_in_channel' && e.error !== 'cant_invite_self').map((e) => ({ user: e.user ?? '', error: e.error ?? 'cant_invite' }));
    const now = deps.clock.now();
    deps.store.transaction(() => {
      for (const user of users) if (!refused.some((r) => r.user === user)) deps.store.incidents.addMember(incidentId, user, now);
      if (refused.length > 0) noteRefusedInvites(deps, incidentId, refused, now);
    });
  }
}

/** Slack's reasons for keeping a person out of a channel that no retry changes: the set-up goes on without them. */
const REFUSED_INVITE = new Set(['cant_invite', 'user_is_restricted', 'user_is_ultra_restricted', 'user_not_found', 'ura_max_channels', 'user_is_deactivated', 'already_in_channel', 'cant_invite_self']);

/** The per-person failures of a refused invite (Slack lists them in `errors`), or the error again when it is not one. */
function refusedInvites(error: unknown, users: string[]): { user?: string; error?: string }[] {
  const code = slackErrorCode(error);
  if (!code || !REFUSED_INVITE.has(code)) throw error;
  const listed = (error as { data?: { errors?: { user?: string; error?: string }[] } }).data?.errors;
  return listed && listed.length > 0 ? listed : users.map((user) => ({ user, error: code }));
}

/** Once per incident and set of people (a resumed set-up finds the same refusals): a timeline note and the job that tells. */
function noteRefusedInvites(deps: SlackDeps, incidentId: string, refused: { user: string; error: string }[], now: Date): void {
  const idemKey = `invite-refused:${incidentId}:${refused.map((r) => r.user).sort().join(',')}`;
  const queued = deps.store.jobs.enqueue({ kind: JOB_KINDS.inviteRefused, dueAt: now, payload: { incidentId, refused }, incidentId, idemKey }, now);
  if (queued === null) return;
  const who = refused.map((r) => `${r.user} (${r.error})`).join(', ');
  recordChange(deps.store, { incidentId, actor: 'warden', at: now, kind: 'note', action: 'incident.invite_refused', text: `Slack refused to add ${who} to the channel`, data: { refused } });
}
