import { z } from 'zod';
import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import { classifyPagerDutyFailure } from '../../../adapters/pagerduty/index.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { onDeclared, onRoleAssigned, onStatusChanged } from '../app/follow-incident.js';
import { PAGING_JOB_KINDS, type PagingDeps } from '../app/deps.js';
import type { PagerDutyPort } from '../app/ports.js';
import { checkLatePage, syncPage } from '../app/sync-page.js';
import type { PagingPolicy } from '../domain/policy.js';
import { pageRepo } from '../store/page-repo.js';
import { migrations } from '../store/migrations.js';
import { pagingVerbs } from './paging-verbs.js';

export interface PagingOptions {
  /** Null when no PagerDuty variable is set: nothing pages, and `/incident page` says what to set. */
  pagerDuty: PagerDutyPort | null;
  policy: PagingPolicy;
}

const pagePayload = z.object({ dedupKey: z.string() });
/** A page outlasts an outage: with the runner's backoff (capped at 10 min) this is days of retrying. */
const PAGE_ATTEMPTS = 500;

/** Paging through PagerDuty: pages that follow the incident, `/incident page` and `/incident oncall`. */
export function pagingFeature(opts: PagingOptions): WardenFeature {
  return {
    name: 'paging',
    migrations,
    plug(core) {
      const deps: PagingDeps = { ...core.deps, pages: pageRepo(core.db), pagerDuty: opts.pagerDuty, paging: opts.policy };
      const channelUrl = (channelId: string) => `https://slack.com/app_redirect?channel=${channelId}`;
      return {
        commands: { '/incident': pagingVerbs(deps) },
        ...(opts.pagerDuty ? { circuits: { pagerDuty: opts.pagerDuty.state } } : {}),
        jobs: [
          defineJob({ kind: PAGING_JOB_KINDS.sync, payload: pagePayload, run: (p, job) => syncPage(deps, p.dedupKey, channelUrl, job.attempts), failures: classifyPagerDutyFailure, maxAttempts: PAGE_ATTEMPTS }),
          defineJob({ kind: PAGING_JOB_KINDS.lateCheck, payload: pagePayload, run: (p) => checkLatePage(deps, p.dedupKey) }),
        ],
        on: {
          'incident.declared': (e) => onDeclared(deps, e),
          'incident.role_assigned': (e) => onRoleAssigned(deps, e),
          'incident.status_changed': (e) => onStatusChanged(deps, e),
        },
      };
    },
  };
}
