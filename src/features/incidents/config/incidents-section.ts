import { z } from 'zod';
import { countField, strictObject } from '../../../platform/config/fields.js';
import { INCIDENT_TYPES } from '../domain/incident-model.js';
import { DEFAULT_PRIVATE_TYPES, DEFAULT_UPDATE_REMINDERS } from './defaults.js';

const TYPE_MESSAGE = `expected an incident type: one of ${INCIDENT_TYPES.join(', ')}`;

/** A list of incident types, each at most once. */
const typeList = z
  .array(z.enum(INCIDENT_TYPES, { error: TYPE_MESSAGE }), { error: `expected a list of incident types (${INCIDENT_TYPES.join(', ')}); [] for none` })
  .superRefine((types, ctx) => {
    types.forEach((type, index) => {
      if (types.indexOf(type) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `incident type "${type}" is listed twice` });
    });
  });

/**
 * `incidents.updateReminders`: the commander is reminded at the severity's `updateEvery` while no update is
 * posted, at most `maxPerUpdate` times in a row (the last one says it is the last); an update starts the count
 * again. Reminders wait for the end of `quietHours` unless the severity says `ignoreQuietHours: true`.
 */
export const updateRemindersSection = strictObject({
  maxPerUpdate: countField(0, 100)
    .default(DEFAULT_UPDATE_REMINDERS.maxPerUpdate)
    .describe('The most update reminders the commander gets between two updates (0: none).'),
}).prefault({});

/**
 * `incidents`: settings of every incident. `privateTypes` are the types declared private unless the declarer
 * says `--public`: a private channel named by number, an announcement without the title, listed to members only.
 */
export const incidentsSection = strictObject({
  privateTypes: typeList.default([...DEFAULT_PRIVATE_TYPES]),
  updateReminders: updateRemindersSection.describe("The commander's update reminders: how many in a row without an update."),
}).prefault({});
