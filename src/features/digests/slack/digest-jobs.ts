import type { AnyJob } from '../../../platform/jobs/define-job.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import type { SlackGateway } from '../../../adapters/slack/gateway.js';
import { buildDigest, type DigestSources } from '../app/build-digest.js';
import { DIGEST_JOB_KINDS, findDigest, postPayload, runDigest, runPayload, type DigestRunDeps } from '../app/run-digest.js';
import { digestMessage, slackMarks } from './digest-message.js';

/** The digests' jobs: each run (record, queue the post and the next run), and the post itself, built when sent. */
export function digestJobs(deps: DigestRunDeps, sources: DigestSources, slack: SlackGateway): AnyJob[] {
  return [
    defineJob({ kind: DIGEST_JOB_KINDS.run, payload: runPayload, run: (p) => runDigest(deps, p) }),
    slackJob(slack, DIGEST_JOB_KINDS.post, postPayload, async (p) => {
      const d = findDigest(deps, p.key);
      const run = deps.runs.get(p.key, new Date(p.runAt));
      if (!d || !run || run.status === 'posted') return;
      const now = deps.clock.now();
      const parts = buildDigest(sources, d.sections, now, d.timeZone, slackMarks);
      const message = digestMessage(parts, { builtAt: now, timeZone: d.timeZone, lateMs: p.lateMs, skipped: deps.runs.skippedBefore(p.key, run.runAt, 10) });
      const posted = await slack.postReaching([d.channel], message);
      deps.runs.markPosted(p.key, run.runAt, posted.ts ?? '');
    }),
  ];
}
