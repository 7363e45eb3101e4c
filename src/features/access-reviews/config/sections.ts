import { z } from 'zod';
import { durationField, followUpSection, slugField, strictObject, textField, userIdField } from '../../../platform/config/fields.js';
import { CADENCES, CONTROL_KINDS } from '../domain/cadence.js';

const CADENCE_MESSAGE = `expected ${CADENCES.join(', ')} or a number of days like 90d`;
/** How often a control recurs: a calendar cadence, or a period like `90d` (in the file; ms once parsed). */
export const cadenceField = z.union([z.enum(CADENCES), durationField], { error: CADENCE_MESSAGE });

const systemEntry = strictObject({
  system: slugField('a system name'),
  owner: userIdField.optional().describe('Who reviews it; none: the review is listed as unowned until `/access-review owner`.'),
  every: cadenceField.optional().describe('Default: sla.accessReview.every.'),
});

/** Access reviews (`sla.accessReview`): the systems whose access is reviewed, how often, and how owners are reminded. */
export const accessReviewSection = strictObject({
  every: z.enum(CADENCES, { error: `expected one of ${CADENCES.join(', ')}` }).default('monthly'),
  reminders: followUpSection({ before: [0], overdueEvery: '1d', overdueMax: 10, escalateAfter: '2d' }).describe(
    'A DM goes to the owner when a period opens; then these reminders (0: at the due time), daily while it is overdue; escalateAfter: the managers\' channel, once per period.',
  ),
  systems: z.array(systemEntry, { error: 'expected a list of {system, owner, every}' }).default([{ system: 'production' }]),
}).prefault({});

const controlEntry = strictObject({
  id: slugField('a control id'),
  name: textField('the control\'s name'),
  owner: userIdField.optional(),
  every: cadenceField,
  kind: z.enum(CONTROL_KINDS, { error: `expected one of ${CONTROL_KINDS.join(', ')}` }).default('manual').describe('tabletop: done when a drill is declared and closed.'),
  evidence: textField('what counts as evidence').optional(),
});

/** The other recurring controls of the policy (`sla.controls`); a list here replaces the defaults. */
export const controlsSection = z
  .array(controlEntry, { error: 'expected a list of {id, name, owner, every, kind, evidence}' })
  .prefault([
    { id: 'secrets-rotation', name: 'Secrets rotation', every: '90d', evidence: 'the rotation ticket or vault audit log' },
    { id: 'ir-tabletop', name: 'Incident-response tabletop', every: 'yearly', kind: 'tabletop', evidence: 'a drill declared and closed' },
    { id: 'dr-drill', name: 'Disaster-recovery drill', every: 'yearly', evidence: 'a `warden restore --check` report' },
    { id: 'chaos-test', name: 'Chaos test', every: 'quarterly', evidence: 'the chaos run report' },
  ]);
