import { z } from 'zod';
import { cleanTitle, declareIncident, titleTooLong } from '../app/declare-incident.js';
import { INCIDENT_FLAGS, INCIDENT_TYPES, type Severity } from '../domain/incident-model.js';
import { severitySchema } from '../domain/vocabulary.js';
import { DECLARE_BLOCKS as B, DECLARE_CALLBACK } from './blocks/declare-modal.js';
import type { SlackDeps } from '../../../adapters/slack/commands/registry.js';
import type { SlackListeners, ViewAnswer } from '../../../adapters/slack/listeners.js';

const selected = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
const checked = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });

/** The declare modal's `view.state.values`, checked field by field so each error lands on its input. */
const declareValues = z.object({
  [B.title]: z.object({ [B.title]: z.object({ value: z.string().nullish() }) }),
  [B.severity]: z.object({ [B.severity]: selected }),
  [B.type]: z.object({ [B.type]: selected }).optional(),
  [B.description]: z.object({ [B.description]: z.object({ value: z.string().nullish() }) }).optional(),
  [B.detectedAt]: z.object({ [B.detectedAt]: z.object({ selected_date_time: z.number().nullish() }) }).optional(),
  [B.flags]: z.object({ [B.flags]: checked }).optional(),
  [B.drill]: z.object({ [B.drill]: checked }).optional(),
  [B.visibility]: z.object({ [B.visibility]: checked }).optional(),
});

type FieldErrors = Record<string, string>;

const originSchema = z.object({ pagerDutyIncidentId: z.string().regex(/^[A-Z0-9]{1,32}$/) });

/** The origin a pre-filled form carries in `private_metadata` (empty for `/incident declare`); anything else is ignored. */
export function readDeclareOrigin(privateMetadata: string) {
  try {
    const origin = originSchema.safeParse(JSON.parse(privateMetadata));
    return origin.success ? { origin: origin.data } : {};
  } catch {
    return {};
  }
}

function readDeclaration(values: unknown, now: Date, severities: readonly Severity[]) {
  const v = declareValues.parse(values);
  const errors: FieldErrors = {};
  const title = cleanTitle(v[B.title][B.title].value ?? '');
  if (!title) errors[B.title] = 'Give the incident a short title.';
  const tooLong = titleTooLong(title);
  if (tooLong) errors[B.title] = tooLong;
  const severity = severitySchema(severities).safeParse(v[B.severity][B.severity].selected_option?.value);
  if (!severity.success) errors[B.severity] = 'Pick a severity.';
  const type = z.enum(INCIDENT_TYPES).catch('security').parse(v[B.type]?.[B.type].selected_option?.value ?? 'security');
  const seconds = v[B.detectedAt]?.[B.detectedAt].selected_date_time ?? null;
  const detectedAt = seconds === null ? null : new Date(seconds * 1000);
  // Slack's picker sends seconds since 1970; anything else (negative, beyond what a Date holds) was not picked.
  if (detectedAt && !(detectedAt.getTime() >= 0)) errors[B.detectedAt] = 'Pick the date and time of detection.';
  else if (detectedAt && detectedAt.getTime() > now.getTime() + 60_000) errors[B.detectedAt] = 'Detection cannot be in the future.';
  const flags = z.array(z.enum(INCIDENT_FLAGS)).catch([]).parse((v[B.flags]?.[B.flags].selected_options ?? []).map((o) => o.value));
  const drill = (v[B.drill]?.[B.drill].selected_options ?? []).some((o) => o.value === 'drill');
  // Ticked: private. Left empty: the type's configured default decides (declareIncident), so the form never makes a sensitive type public.
  const ticked = (v[B.visibility]?.[B.visibility].selected_options ?? []).some((o) => o.value === 'private');
  if (Object.keys(errors).length > 0 || !severity.success) return { errors } as const;
  return { input: { title, severity: severity.data, type, description: v[B.description]?.[B.description].value ?? '', detectedAt, flags, drill, ...(ticked ? { visibility: 'private' as const } : {}) } } as const;
}

/** Handles the declare modal: field errors go back onto the form; a valid form declares the incident. */
export function registerDeclareSubmission(on: SlackListeners, deps: SlackDeps): void {
  on.view(DECLARE_CALLBACK, B.title, (submission): ViewAnswer => {
    let read: ReturnType<typeof readDeclaration>;
    try {
      read = readDeclaration(submission.values, deps.clock.now(), deps.policy.severities.map((s) => s.id));
    } catch {
      return { errors: { [B.title]: 'The form could not be read; close it and run /incident declare again.' } };
    }
    if ('errors' in read) return { errors: read.errors as FieldErrors };
    declareIncident(deps, { userId: submission.userId }, { ...read.input, requestKey: `view:${submission.viewId}`, ...readDeclareOrigin(submission.privateMetadata) });
    return undefined;
  });
}
