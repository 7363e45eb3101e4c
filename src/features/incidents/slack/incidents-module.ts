import { remindUpdate } from '../app/remind-update.js';
import { JOB_KINDS } from '../app/outbox.js';
import { coreVerbs } from './verbs.js';
import type { SlackDeps } from '../../../adapters/slack/commands/registry.js';
import type { SlackGateway } from '../../../adapters/slack/gateway.js';
import { messageJobs } from './jobs/message-jobs.js';
import { provisionChannelJob } from './jobs/provision-channel.js';
import type { WardenModule } from '../../../adapters/slack/module.js';
import { wardenVerbs } from './warden-verbs.js';
import { registerDeclareSubmission } from './declare-submission.js';
import { registerEvents } from './events.js';

/** The incident core: declare to close, its messages and its reminders. */
export function coreModule(announcementsChannel: string | null, approvers: readonly string[] = []) {
  return (deps: SlackDeps, slack: SlackGateway): WardenModule => {
    const messages = messageJobs(deps, slack);
    return {
      verbs: coreVerbs,
      commands: { '/warden': wardenVerbs(approvers) },
      listeners(on) {
        registerDeclareSubmission(on, deps);
        registerEvents(on, deps);
      },
      jobHandlers: {
        [JOB_KINDS.provision]: provisionChannelJob(deps, slack, announcementsChannel),
        [JOB_KINDS.post]: messages.post,
        [JOB_KINDS.refreshCard]: messages.refreshCard,
        [JOB_KINDS.dmRole]: messages.dmRole,
        [JOB_KINDS.refreshHome]: messages.refreshHome,
        [JOB_KINDS.updateReminder]: (job) => remindUpdate(deps, String(job.payload.incidentId)),
      },
    };
  };
}
