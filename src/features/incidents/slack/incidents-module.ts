import { z } from 'zod';
import type { FeatureCore, WardenFeature } from '../../../adapters/slack/feature-core.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { incidentPayload } from '../../../platform/jobs/payloads.js';
import { announcePayloadSchema, JOB_KINDS, postPayloadSchema } from '../app/outbox.js';
import { remindUpdate } from '../app/remind-update.js';
import { updateReminderPayload } from '../app/reminders.js';
import { requireIncident } from '../app/record.js';
import { migrations } from '../store/migrations.js';
import { registerDeclareSubmission } from './declare-submission.js';
import { registerEvents } from './events.js';
import { legacyFanOutJobs } from './legacy-fan-out.js';
import { messageJobs } from './jobs/message-jobs.js';
import { provisionChannelJob, provisionPace } from './jobs/provision-channel.js';
import { inviteRefusedJob, inviteRefusedPayload } from './jobs/invite-refused.js';
import { announcer } from './jobs/announce.js';
import { coreVerbs } from './verbs.js';
import { registerListMore } from './list-verb.js';

export interface IncidentsOptions {
  /** Where new incidents are announced; none configured, none announced. */
  announcementsChannel: string | null;
}

/** The incident core: declare to close, its channel, card, messages, reminders, pins and App Home. */
export function incidentsFeature(opts: IncidentsOptions): WardenFeature {
  return {
    name: 'incidents',
    migrations,
    plug: (core) => ({
      commands: { '/incident': coreVerbs },
      slack(on) {
        registerDeclareSubmission(on, core.deps);
        registerEvents(on, core.deps, core.home);
        registerListMore(on, core.deps);
      },
      jobs: incidentJobs(core, opts.announcementsChannel),
    }),
  };
}

function incidentJobs({ deps, slack, home }: FeatureCore, announcementsChannel: string | null) {
  const messages = messageJobs(deps, slack, home);
  const roleDm = z.object({ incidentId: z.string(), role: z.string(), userId: z.string() });
  const announce = announcer(deps, slack, announcementsChannel);
  const provision = provisionChannelJob(deps, slack, announcementsChannel);
  const inviteRefused = inviteRefusedJob(deps, slack, announcementsChannel);
  return [
    { ...slackJob(slack, JOB_KINDS.provision, incidentPayload, (_p, job) => provision(job)), paced: provisionPace(slack) },
    slackJob(slack, JOB_KINDS.inviteRefused, inviteRefusedPayload, (p) => inviteRefused(p)),
    slackJob(slack, JOB_KINDS.announce, announcePayloadSchema, (p) => announce(requireIncident(deps.store, p.incidentId), p.channelPrivate)),
    slackJob(slack, JOB_KINDS.post, postPayloadSchema, (payload) => messages.post(payload)),
    slackJob(slack, JOB_KINDS.refreshCard, incidentPayload, (p) => messages.refreshCard(p.incidentId)),
    slackJob(slack, JOB_KINDS.dmRole, roleDm, (p) => messages.dmRole(p)),
    slackJob(slack, JOB_KINDS.refreshHome, z.object({ userId: z.string() }), (p) => messages.refreshHome(p.userId)),
    defineJob({ kind: JOB_KINDS.updateReminder, payload: updateReminderPayload, run: (p) => remindUpdate(deps, p.incidentId, p.number), responseBound: true, transactional: true }),
    ...legacyFanOutJobs(deps),
  ];
}
