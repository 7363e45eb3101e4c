import { z } from 'zod';
import {
  countField,
  durationField,
  strictObject,
  textField,
  timeOfDayField,
  timeZoneField,
} from '../../../platform/config/fields.js';

/** The playbooks feature's sections of warden.yaml: where playbooks live, how owners are nagged, and when not. */

/** `timeZone` is optional here: the top level fills it from the display `timeZone`. */
export const quietHoursSection = strictObject({
  start: timeOfDayField.default('22:00'),
  end: timeOfDayField.default('07:00'),
  timeZone: timeZoneField.optional(),
}).prefault({});

export const nagsSection = strictObject({
  every: durationField.prefault('4h'),
  maxPerStep: countField(0, 100).default(3),
}).prefault({});

export const playbooksSection = strictObject({
  dirs: z.array(textField('a directory'), { error: 'expected a list of directories' }).default(['playbooks']),
}).prefault({});

