import type { InputBlock, View } from '@slack/types';
import { INCIDENT_FLAGS, INCIDENT_TYPES, type IncidentType } from '../../domain/incident-model.js';
import type { SeverityLevel } from '../../domain/vocabulary.js';
import { truncate } from '../../../../adapters/slack/escape.js';

export const DECLARE_CALLBACK = 'incident.declare';
export const DECLARE_BLOCKS = {
  title: 'title',
  severity: 'severity',
  type: 'type',
  description: 'description',
  detectedAt: 'detected_at',
  flags: 'flags',
  drill: 'drill',
  visibility: 'visibility',
} as const;

const option = (value: string, text = value) => ({ text: { type: 'plain_text' as const, text }, value });

/** What another feature knows before the form opens (a PagerDuty incident): shown filled in, and carried back on submit. */
export interface DeclarePrefill {
  title?: string;
  /** A configured severity id; one that is not configured is left unselected. */
  severity?: string;
  /** Returned as the submission's `private_metadata` (see `readDeclareOrigin`). */
  privateMetadata?: string;
}

/**
 * The declare modal (`/incident declare` with no text). Each input's action id equals its block id; the
 * severity options are the configured severities, most severe first.
 */
export function declareModal(severities: readonly SeverityLevel[], privateTypes: readonly IncidentType[], prefill: DeclarePrefill = {}): View {
  const b = DECLARE_BLOCKS;
  const severityOptions = severities.map((s) => option(s.id, `${s.name}: ${s.description}`.slice(0, 75)));
  const initialSeverity = severityOptions.find((o) => o.value === prefill.severity);
  const prefillTitle = prefill.title ? truncate(prefill.title, 120) : '';
  return {
    type: 'modal',
    callback_id: DECLARE_CALLBACK,
    ...(prefill.privateMetadata ? { private_metadata: prefill.privateMetadata } : {}),
    title: { type: 'plain_text', text: 'Declare an incident' },
    submit: { type: 'plain_text', text: 'Declare' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: b.title,
        label: { type: 'plain_text', text: 'Title' },
        element: { type: 'plain_text_input', action_id: b.title, max_length: 120, ...(prefillTitle ? { initial_value: prefillTitle } : {}) },
      },
      {
        type: 'input',
        block_id: b.severity,
        label: { type: 'plain_text', text: 'Severity' },
        element: { type: 'static_select', action_id: b.severity, options: severityOptions, ...(initialSeverity ? { initial_option: initialSeverity } : {}) },
      },
      {
        type: 'input',
        block_id: b.type,
        label: { type: 'plain_text', text: 'Type' },
        element: { type: 'static_select', action_id: b.type, initial_option: option('security'), options: INCIDENT_TYPES.map((t) => option(t)) },
      },
      {
        type: 'input',
        block_id: b.description,
        optional: true,
        label: { type: 'plain_text', text: 'What is happening?' },
        element: { type: 'plain_text_input', action_id: b.description, multiline: true, max_length: 2500 },
      },
      {
        type: 'input',
        block_id: b.detectedAt,
        optional: true,
        label: { type: 'plain_text', text: 'Detected at (leave empty for now)' },
        element: { type: 'datetimepicker', action_id: b.detectedAt },
      },
      {
        type: 'input',
        block_id: b.flags,
        optional: true,
        label: { type: 'plain_text', text: 'What applies?' },
        element: { type: 'checkboxes', action_id: b.flags, options: INCIDENT_FLAGS.map((f) => option(f, f.replaceAll('_', ' '))) },
      },
      {
        type: 'input',
        block_id: b.drill,
        optional: true,
        label: { type: 'plain_text', text: 'Exercise' },
        element: { type: 'checkboxes', action_id: b.drill, options: [option('drill', 'This is a tabletop drill')] },
      },
      visibilityInput(privateTypes),
    ],
  };
}

/** The private checkbox: ticked, the incident is private; left empty, its type decides (warden.yaml `incidents.privateTypes`). */
function visibilityInput(privateTypes: readonly IncidentType[]): InputBlock {
  const byType = privateTypes.length > 0 ? `Left empty, ${privateTypes.join(' and ')} incidents are private anyway; others are public.` : 'Left empty, the incident is public.';
  return {
    type: 'input',
    block_id: DECLARE_BLOCKS.visibility,
    optional: true,
    label: { type: 'plain_text', text: 'Visibility' },
    hint: { type: 'plain_text', text: byType },
    element: {
      type: 'checkboxes',
      action_id: DECLARE_BLOCKS.visibility,
      options: [{ ...option('private', 'Private incident'), description: { type: 'plain_text', text: 'A private channel named by number; no title shown to non-members.' } }],
    },
  };
}
