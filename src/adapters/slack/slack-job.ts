import type { ZodType } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/define-job.js';
import type { Job } from '../../platform/jobs/job-repo.js';
import type { SlackGateway } from './gateway.js';

/** A job that calls Slack: its failures are classified by the Slack gateway (429 waits, permanent errors give up). */
export function slackJob<P>(gateway: SlackGateway, kind: string, payload: ZodType<P>, run: (payload: P, job: Job) => Promise<void> | void): JobDefinition<P> {
  return defineJob({ kind, payload, run, failures: gateway.classify });
}
