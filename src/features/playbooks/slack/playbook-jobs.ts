import { createHash } from 'node:crypto';
import { PLAYBOOK_JOB_KINDS, playbookDmSchema, playbookNoticeSchema, type PlaybookDm, type PlaybookNotice } from '../app/deps.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import { incidentPayload } from '../../../platform/jobs/payloads.js';
import { checklistOf, findPlaybook, runningPlaybook } from '../app/running.js';
import { isActive } from '../../incidents/index.js';
import type { SlackMessage } from '../../incidents/index.js';
import { checklistMessages } from './blocks/playbook-checklist.js';
import type { SlackGateway } from '../../../adapters/slack/gateway.js';
import { ignoreSlackError as ignore, channelNotReady } from '../../../adapters/slack/gateway.js';
import { dmMessage, noticeMessage, retiredChecklist } from './playbook-messages.js';
import type { PlaybookSlackDeps } from './slack-deps.js';

/** false for a message that no longer exists; any other failure is rethrown (and the job retried). */
const gone = (error: unknown): false => {
  ignore('message_not_found')(error);
  return false;
};

const hashOf = (m: SlackMessage): string => createHash('sha256').update(JSON.stringify(m)).digest('hex');

/** Delivery of the playbook's Slack side: the checklist messages, channel notices and DMs. */
export function playbookJobs(deps: PlaybookSlackDeps, slack: SlackGateway) {
  const channelOf = (incidentId: string): string => {
    const channel = deps.store.incidents.get(incidentId)?.channelId;
    // Thrown, so the job runner retries with backoff until the channel job has created it.
    if (!channel) throw channelNotReady(incidentId);
    return channel;
  };

  /**
   * Brings the checklist messages in line with the state: posts missing parts (recording each ts at once),
   * `chat.update`s the parts whose content changed and nothing else, deletes parts no longer needed, and
   * retires the messages of a replaced playbook. Safe to run any number of times.
   */
  async function sync(incidentId: string): Promise<void> {
    const running = runningPlaybook(deps, incidentId);
    if (!running) return;
    const channel = channelOf(incidentId);
    const rows = deps.playbooks.messages(incidentId);
    const current = running.attachment.generation;
    for (const old of rows.filter((r) => r.generation < current)) {
      await slack.call((c) => c.chat.update({ channel: old.channelId, ts: old.ts, ...retiredChecklist(running.playbook) })).catch(ignore('message_not_found'));
      deps.playbooks.removeMessage(incidentId, old.generation, old.part);
    }
    const messages = checklistMessages(checklistOf(deps, running, deps.clock.now()));
    const mine = rows.filter((r) => r.generation === current);
    for (const [part, m] of messages.entries()) {
      const hash = hashOf(m);
      const row = mine.find((r) => r.part === part);
      if (row?.hash === hash) continue;
      const updated = row ? await slack.call((c) => c.chat.update({ channel: row.channelId, ts: row.ts, ...m })).then(() => true, gone) : false;
      if (row && updated) {
        deps.playbooks.saveMessage({ ...row, hash });
        continue;
      }
      // Not posted yet, or someone deleted it: post it (again) and record its ts before anything else.
      const posted = await slack.call((c) => c.chat.postMessage({ channel, ...m }));
      deps.playbooks.saveMessage({ incidentId, generation: current, part, channelId: posted.channel ?? channel, ts: posted.ts as string, hash });
    }
    for (const extra of mine.filter((r) => r.part >= messages.length)) {
      await slack.call((c) => c.chat.delete({ channel: extra.channelId, ts: extra.ts })).catch(ignore('message_not_found'));
      deps.playbooks.removeMessage(incidentId, extra.generation, extra.part);
    }
  }

  async function notice(n: PlaybookNotice): Promise<void> {
    const m = noticeMessage(n, (id) => findPlaybook(deps, id));
    if (!m) return;
    const channel = channelOf(n.incidentId);
    await slack.call((c) => c.chat.postMessage({ channel, ...m }));
  }

  async function dm(d: PlaybookDm): Promise<void> {
    const running = runningPlaybook(deps, d.incidentId);
    if (!running || !isActive(running.incident.status)) return;
    const step = checklistOf(deps, running, deps.clock.now()).phases.flatMap((p) => p.steps).find((s) => s.id === d.stepId);
    if (!step || step.status !== 'open') return; // closed since the DM was queued: nothing to say
    const m = dmMessage(d, running.incident, step.title);
    await slack.dm(d.userId, m);
  }

  return [
    slackJob(slack, PLAYBOOK_JOB_KINDS.sync, incidentPayload, (p) => sync(p.incidentId)),
    slackJob(slack, PLAYBOOK_JOB_KINDS.notice, playbookNoticeSchema, notice),
    { ...slackJob(slack, PLAYBOOK_JOB_KINDS.dm, playbookDmSchema, dm), responseBound: true },
  ];
}
