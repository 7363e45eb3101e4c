import { z } from 'zod';
import { durationField, strictObject } from '../../../platform/config/fields.js';

/** The paging feature's section of warden.yaml: which severities page on declare, and the PagerDuty services. */

const SERVICE_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
const SERVICE_ID = /^P[A-Z0-9]{5,}$/;

const service = strictObject({
  /** The environment variable holding the service's Events API v2 routing key (keys are secrets: never in this file). */
  routingKeyEnv: z.string({ error: 'expected an environment variable name' }).regex(ENV_NAME, 'expected an environment variable name like PAGERDUTY_ROUTING_KEY_PAYMENTS'),
  /** The service's REST id (for `/incident oncall`). */
  serviceId: z.string().regex(SERVICE_ID, 'expected a PagerDuty service id like PABC123').optional(),
  /** Severities that page this service on declare too (default: none; it is paged with `/incident page`). */
  pageOn: z.array(z.string(), { error: 'expected a list of severity ids' }).default([]),
});

export const pagingSection = strictObject({
  /** Severities that page the default service as soon as they are declared (drills never page); unset: the two most severe. */
  pageOn: z.array(z.string(), { error: 'expected a list of severity ids' }).optional(),
  /** The default service (`default`: PAGERDUTY_ROUTING_KEY) takes the auto pages; others are paged with `/incident page`. */
  services: z.record(z.string().regex(SERVICE_NAME, 'expected a service name: a lowercase letter, then letters, digits, - or _'), service).default({}),
  /** The REST id of the default service, for `/incident oncall` without a name. */
  defaultServiceId: z.string().regex(SERVICE_ID, 'expected a PagerDuty service id like PABC123').optional(),
  /** Acknowledge the incident's pages when someone takes the commander role. */
  acknowledgeOnCommander: z.boolean({ error: 'expected true or false' }).default(true),
  /** Put a private incident's title in its page (off: the page says only "private incident"). */
  privateTitles: z.boolean({ error: 'expected true or false' }).default(false),
  /** The PagerDuty user (email) Warden acts as when it acknowledges or resolves an incident PagerDuty opened. */
  fromEmail: z.email({ error: 'expected the email of a PagerDuty user' }).optional(),
  /** Tell the commander to page by phone when a page has not gone out this long after it was asked for. */
  phoneAfter: durationField.prefault('10m'),
}).prefault({});

export type PagingConfig = z.infer<typeof pagingSection>;
