import { z } from 'zod';
import { strictObject } from '../../../platform/config/fields.js';
import { INCIDENT_TYPES } from '../domain/incident-model.js';
import { DEFAULT_PRIVATE_TYPES } from './defaults.js';

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
 * `incidents`: settings of every incident. `privateTypes` are the types declared private unless the declarer
 * says `--public`: a private channel named by number, an announcement without the title, listed to members only.
 */
export const incidentsSection = strictObject({
  privateTypes: typeList.default([...DEFAULT_PRIVATE_TYPES]),
}).prefault({});
