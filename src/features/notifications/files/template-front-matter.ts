/**
 * A notice template's front matter: YAML between two `---` lines at the top of the file, declaring the law it
 * answers (`citation`), the stages it is for (`stages`, `regime:stage`) and what it must contain (`required`).
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { NO_META, type NoticeMeta } from '../domain/notices/required-elements.js';

const text = (what: string) => z.string({ error: `expected ${what}` }).trim().min(1, { error: `expected ${what}` });
const STAGE_REF = /^[a-z0-9][a-z0-9._-]*:[a-z0-9._-]+$/;

const elementSchema = z
  .strictObject({
    element: text('where the law asks for it, like 33(3)(a)'),
    label: text('what the element is, in words'),
    variable: text('a template variable like facts.nature').optional(),
    variables: z.array(text('a template variable like facts.nature'), { error: 'expected a list of template variables' }).min(1).optional(),
  })
  .refine((e) => (e.variable === undefined) !== (e.variables === undefined), { error: 'give either variable or variables' });

const frontMatterSchema = z.strictObject({
  citation: text('the provision the notice answers'),
  stages: z.array(z.string().regex(STAGE_REF, { error: 'expected regime:stage, like gdpr:supervisory_authority' }), { error: 'expected a list of regime:stage' }).default([]),
  required: z.array(elementSchema, { error: 'expected a list of {element, label, variable(s)}' }).default([]),
});

export interface SplitTemplate {
  readonly meta: NoticeMeta;
  readonly body: string;
  /** Lines before the body, so problems name the file's lines. */
  readonly lineOffset: number;
}

export type FrontMatterResult = { ok: true; template: SplitTemplate } | { ok: false; problems: string[] };

/** Splits a template file into its front matter (checked) and its Handlebars body. A file without one declares nothing. */
export function readFrontMatter(source: string): FrontMatterResult {
  const lines = source.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { ok: true, template: { meta: NO_META, body: source, lineOffset: 0 } };
  const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (end === -1) return { ok: false, problems: ['front matter: no closing --- line'] };
  let data: unknown;
  try {
    data = parse(lines.slice(1, end).join('\n'));
  } catch (e) {
    return { ok: false, problems: [`front matter does not parse: ${(e as Error).message.split('\n')[0]}`] };
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `front matter ${i.path.join('.') || '(top)'}: ${i.message}`) };
  const { citation, stages, required } = parsed.data;
  const meta: NoticeMeta = {
    citation,
    stages,
    required: required.map((r) => ({ element: r.element, label: r.label, variables: r.variables ?? [r.variable as string] })),
  };
  return { ok: true, template: { meta, body: lines.slice(end + 1).join('\n'), lineOffset: end + 1 } };
}
