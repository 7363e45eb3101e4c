/**
 * The playbook file format (YAML, validated with zod). Fields are snake_case as written in playbooks/*.yaml;
 * `playbookSchemaFor(vocabulary)` checks the shape (severities and owner roles against the configured ones),
 * runs the cross-checks (duplicate ids, due anchors, cycles) and turns the file into the camelCase
 * `Playbook` the engine uses.
 */
import { z } from 'zod';
import { parseDuration } from '../../../platform/duration.js';
import { DEFAULT_ROLE_IDS, DEFAULT_SEVERITY_IDS, INCIDENT_FLAGS, INCIDENT_TYPES } from '../../incidents/index.js';
import { roleSchema, severitySchema, type IncidentVocabulary } from '../../incidents/index.js';
import { parseAnchor } from './anchor.js';
import { crossCheckPlaybook } from './cross-checks.js';
import { EVIDENCE_LEVELS, PHASES, type DueRule, type Phase, type Playbook, type PlaybookStep } from './model.js';

const PLAYBOOK_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;
const STEP_ID = /^[a-z0-9][a-z0-9_-]{0,47}$/;

/** `z.enum` whose error names the bad value and lists what was expected. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `missing ${what}: expected one of ${values.join(', ')}`
        : `unknown ${what} ${JSON.stringify(iss.input)}: expected one of ${values.join(', ')}`,
  });
}

/** `z.strictObject` whose unknown-key error lists the keys that are allowed. */
function strict<S extends z.ZodRawShape>(shape: S, what: string) {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown ${what} ${iss.keys.map((k) => `"${k}"`).join(', ')}: expected ${Object.keys(shape).join(', ')}`
        : undefined,
  });
}

const durationText = z.string().refine((s) => parseDuration(s) !== null, {
  error: (iss) => `bad duration ${JSON.stringify(iss.input)}: expected a duration like 30m, 4h or 2d`,
});

const anchorTextSchema = z.string().superRefine((s, ctx) => {
  const parsed = parseAnchor(s);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

const flagList = z.array(oneOf(INCIDENT_FLAGS, 'flag'));

export type { IncidentVocabulary };

/** The vocabulary of a Warden running on the defaults (no `severities` or `roles` in warden.yaml). */
export const DEFAULT_VOCABULARY: IncidentVocabulary = { severities: DEFAULT_SEVERITY_IDS, roles: DEFAULT_ROLE_IDS };

function stepSchemaFor(vocabulary: IncidentVocabulary) {
  const whenSchema = strict(
    {
      flags_all: flagList.optional(),
      flags_any: flagList.min(1).optional(),
      flags_none: flagList.optional(),
      severities: z.array(severitySchema(vocabulary.severities)).min(1).optional(),
    },
    'condition key',
  );
  return strict(
    {
      id: z.string().regex(STEP_ID, 'expected a step id: lowercase letters, digits, - or _, at most 48 characters'),
      title: z.string().trim().min(1, 'expected a title').max(150, 'expected a title of at most 150 characters'),
      guidance: z.string().trim().min(1, 'expected guidance').max(2500, 'expected guidance of at most 2500 characters'),
      owner: roleSchema(vocabulary.roles),
      due: strict({ after: durationText, from: anchorTextSchema.default('declared') }, 'due key').optional(),
      when: whenSchema.optional(),
      evidence: oneOf(EVIDENCE_LEVELS, 'evidence level').default('none'),
    },
    'step key',
  );
}

function playbookInputSchemaFor(vocabulary: IncidentVocabulary) {
  const stepSchema = stepSchemaFor(vocabulary);
  const phaseShape = Object.fromEntries(PHASES.map((p) => [p, z.array(stepSchema).optional()])) as Record<
    Phase,
    z.ZodOptional<z.ZodArray<typeof stepSchema>>
  >;
  return strict(
    {
      id: z.string().regex(PLAYBOOK_ID, 'expected a playbook id: lowercase letters, digits and -, at most 48 characters'),
      name: z.string().trim().min(1, 'expected a name').max(80, 'expected a name of at most 80 characters'),
      description: z.string().trim().min(1, 'expected a description').max(1000),
      applies_to: strict(
        {
          types: z.array(oneOf(INCIDENT_TYPES, 'incident type')).min(1, 'expected at least one incident type'),
          severities: z.array(severitySchema(vocabulary.severities)).default([]),
          flags: flagList.default([]),
        },
        'applies_to key',
      ),
      priority: z.int('expected a whole number').default(0),
      fallback: z.boolean({ error: 'expected true or false' }).default(false),
      phases: strict(phaseShape, 'phase'),
    },
    'playbook key',
  );
}

export type PlaybookInput = z.output<ReturnType<typeof playbookInputSchemaFor>>;
export type StepInput = z.output<ReturnType<typeof stepSchemaFor>>;

/**
 * Parses one playbook file's data: shape, cross-checks, then the engine's `Playbook`. Severities and owner
 * roles must be among the configured ones, so a playbook cannot name one that does not exist.
 */
export function playbookSchemaFor(vocabulary: IncidentVocabulary): z.ZodType<Playbook> {
  return playbookInputSchemaFor(vocabulary).superRefine(crossCheckPlaybook).transform(toPlaybook);
}

/** The playbook schema for the default severities and roles. */
export const playbookSchema: z.ZodType<Playbook> = playbookSchemaFor(DEFAULT_VOCABULARY);

function toPlaybook(input: PlaybookInput): Playbook {
  const steps = PHASES.flatMap((phase) => (input.phases[phase] ?? []).map((s) => toStep(s, phase)));
  return {
    id: input.id,
    name: input.name,
    description: input.description,
    appliesTo: { ...input.applies_to },
    priority: input.priority,
    fallback: input.fallback,
    steps,
  };
}

function toStep(s: StepInput, phase: Phase): PlaybookStep {
  return {
    id: s.id,
    phase,
    title: s.title,
    guidance: s.guidance,
    owner: s.owner,
    due: s.due ? toDue(s.due.after, s.due.from) : null,
    when: s.when
      ? {
          flagsAll: s.when.flags_all ?? [],
          flagsAny: s.when.flags_any ?? [],
          flagsNone: s.when.flags_none ?? [],
          severities: s.when.severities ?? null,
        }
      : null,
    evidence: s.evidence,
  };
}

function toDue(after: string, from: string): DueRule {
  const parsed = parseAnchor(from);
  // Both were checked by the schema before the transform runs.
  if (!parsed.ok) throw new Error(`unreachable: ${parsed.message}`);
  return { after, afterMs: parseDuration(after) ?? 0, from: parsed.anchor };
}
