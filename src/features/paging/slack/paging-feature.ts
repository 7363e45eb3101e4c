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
import { inboundRepo } from '../store/inbound-repo.js';
import { updatePdIncident } from '../app/update-pd-incident.js';
import { migrations } from '../store/migrations.js';
import { pagingVerbs } from './paging-verbs.js';
import { pagingInboundParts } from './inbound-parts.js';

export interface PagingOptions {
  /** Null when no PagerDuty variable is set: nothing pages, and `/incident page` says what to set. */
  pagerDuty: PagerDutyPort | null;
  policy: PagingPolicy;
  /** Where PagerDuty incidents Warden did not start are announced, with a Declare button. */
  announcementsChannel: string | null;
}

const pagePayload = z.object({ dedupKey: z.string() });
const updatePayload = z.object({ pdIncidentId: z.string(), status: z.enum(['acknowledged', 'resolved']) });
/** A page outlasts an outage: with the runner's backoff (capped at 10 min) this is days of retrying. */
const PAGE_ATTEMPTS = 500;

/** Paging through PagerDuty: pages that follow the incident, `/incident page` and `/incident oncall`. */
export function pagingFeature(opts: PagingOptions): WardenFeature {
  return {
    name: 'paging',
    migrations,
    plug(core) {
      const deps: PagingDeps = { ...core.deps, pages: pageRepo(core.db), inbound: inboundRepo(core.db), pagerDuty: opts.pagerDuty, paging: opts.policy };
      const channelUrl = (channelId: string) => `https://slack.com/app_redirect?channel=${channelId}`;
      // Webhooks coming back: incidents Warden did not start, and changes made on PagerDuty's side.
      const inbound = pagingInboundParts(core, opts);
      return {
        slack: inbound.slack,
        commands: { '/incident': pagingVerbs(deps) },
        ...(opts.pagerDuty ? { circuits: { pagerDuty: opts.pagerDuty.state } } : {}),
        jobs: [
          // A page goes out while the incident's Slack channel is still being set up: it does not wait behind it.
          defineJob({ kind: PAGING_JOB_KINDS.sync, payload: pagePayload, run: (p, job) => syncPage(deps, p.dedupKey, channelUrl, job.attempts), failures: classifyPagerDutyFailure, maxAttempts: PAGE_ATTEMPTS, passesHolds: true }),
          defineJob({ kind: PAGING_JOB_KINDS.lateCheck, payload: pagePayload, run: (p) => checkLatePage(deps, p.dedupKey), passesHolds: true }),
          defineJob({
            kind: PAGING_JOB_KINDS.updateIncident,
            payload: updatePayload,
            run: (p, job) => updatePdIncident(deps, job.incidentId ?? '', p.pdIncidentId, p.status),
            failures: classifyPagerDutyFailure,
            maxAttempts: PAGE_ATTEMPTS,
            passesHolds: true,
          }),
          ...inbound.jobs,
        ],
        on: {
          'incident.declared': (e) => {
            onDeclared(deps, e);
            inbound.on['incident.declared']?.(e);
          },
          'incident.role_assigned': (e) => onRoleAssigned(deps, e),
          'incident.status_changed': (e) => onStatusChanged(deps, e),
        },
      };
    },
  };
}
