/**
 * Block Kit limits, asserted over every shipped playbook (all flags on, every step open and then every step
 * closed with the longest evidence a person may type) and over a synthetic 120-step playbook with text at
 * every schema maximum. Checked twice: by the explicit rules below, and by the Slack stand-in's own checker.
 */
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkMessageBlocks, checkView, formatViolation } from '../../../../support/stand-ins/slack/index.js';
import { INCIDENT_FLAGS } from '../../../../../src/features/incidents/domain/incident-model.js';
import { checklistModel, type ChecklistModel } from '../../../../../src/features/playbooks/domain/checklist-model.js';
import type { Playbook, PlaybookStep } from '../../../../../src/features/playbooks/domain/model.js';
import type { StepStates } from '../../../../../src/features/playbooks/domain/step-state.js';
import { loadPlaybooks } from '../../../../../src/features/playbooks/files/load-playbooks.js';
import { checklistMessages, type SlackMessage } from '../../../../../src/features/playbooks/slack/blocks/playbook-checklist.js';
import { EVIDENCE_MAX_LENGTH, evidenceModal, REASON_MAX_LENGTH, skipReasonModal } from '../../../../../src/features/playbooks/slack/blocks/playbook-modals.js';
import { aChecklistIncident, aPlaybook, aStep } from '../../domain/builders.js';
import { repoPath } from '../../../../support/repo-path.js';

const now = new Date('2025-03-01T12:00:00Z');
const shipped = loadPlaybooks(repoPath('playbooks'));

/** Every limit the brief names, as explicit rules over one message. */
function limitProblems(m: SlackMessage): string[] {
  const p: string[] = [];
  const max = (what: string, s: string | undefined, n: number) => {
    if (s !== undefined && s.length > n) p.push(`${what} is ${s.length} > ${n}`);
  };
  if (!m.text.trim()) p.push('empty text');
  if (m.blocks.length > 50) p.push(`${m.blocks.length} blocks > 50`);
  for (const b of m.blocks as KnownBlock[]) {
    max('block_id', b.block_id, 255);
    if (b.type === 'section') {
      if (!b.text?.text.trim()) p.push('empty section');
      max('section text', b.text?.text, 3000);
    }
    if (b.type === 'header') max('header', b.text.text, 150);
    if (b.type === 'context') for (const e of b.elements) if ('text' in e) max('context text', e.text, 3000);
    if (b.type === 'actions') {
      for (const e of b.elements) {
        if (e.type !== 'button') continue;
        max('button text', e.text.text, 75);
        max('action_id', e.action_id, 255);
        max('button value', e.value, 2000);
      }
    }
  }
  return p;
}

function expectWithinLimits(messages: SlackMessage[], label: string): void {
  for (const [i, m] of messages.entries()) {
    expect(limitProblems(m), `${label} message ${i}`).toEqual([]);
    expect(checkMessageBlocks(m.blocks).map(formatViolation), `${label} message ${i}`).toEqual([]);
  }
}

/** Every visible step closed by the given status, with the longest text a modal lets through. */
function allClosed(model: ChecklistModel, status: 'done' | 'skipped'): StepStates {
  const ids = model.phases.flatMap((ph) => ph.steps.map((s) => s.id));
  const text = (n: number) => '<&>'.repeat(Math.ceil(n / 3)).slice(0, n); // escaping makes this 4-5x longer
  return Object.fromEntries(
    ids.map((id) => [id, {
      stepId: id, status, assignee: 'U0123456789', by: 'U0123456789', at: now,
      evidence: status === 'done' ? text(EVIDENCE_MAX_LENGTH) : null,
      reason: status === 'skipped' ? text(REASON_MAX_LENGTH) : null,
    }]),
  );
}

function renderAllWays(playbook: Playbook, incidentId: string): SlackMessage[][] {
  const incident = aChecklistIncident({ id: incidentId, type: playbook.appliesTo.types[0] ?? 'security', severity: 'sev1', flags: [...INCIDENT_FLAGS] });
  const open = checklistModel(playbook, incident, {}, now);
  return [
    checklistMessages(open),
    checklistMessages(checklistModel(playbook, incident, allClosed(open, 'done'), now)),
    checklistMessages(checklistModel(playbook, incident, allClosed(open, 'skipped'), now)),
  ];
}

describe('Block Kit limits of the checklist', () => {
  it('when any shipped playbook is rendered with all flags on, open or closed, then every message is within the limits', () => {
    for (const p of shipped) for (const messages of renderAllWays(p, 'INC-2025-0001')) expectWithinLimits(messages, p.id);
  });

  it('when a 120-step playbook with maximal texts is rendered, then it splits into valid messages keeping every step in order', () => {
    const longText = (n: number, word: string) => `${word} & <x> `.repeat(n).slice(0, n);
    const phaseOf = (i: number): PlaybookStep['phase'] =>
      i < 5 ? 'detection_analysis' : i < 105 ? 'containment' : i < 110 ? 'eradication_recovery' : 'post_incident';
    const playbook = aPlaybook({
      name: longText(80, 'Name'),
      steps: Array.from({ length: 120 }, (_, i) =>
        aStep({ id: `step-${String(i).padStart(3, '0')}-${'x'.repeat(39)}`, phase: phaseOf(i), title: longText(150, 'Title'),
          guidance: `${longText(2000, '[link](https://example.com/a?b=c&d=e)')}\n\n${longText(400, 'more')}`, evidence: 'required' }),
      ),
    });
    const incidentId = `INC-${'9'.repeat(200)}`;
    for (const messages of renderAllWays(playbook, incidentId)) {
      expectWithinLimits(messages, 'synthetic');
      const order = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'section' && b.block_id?.startsWith('playbook.step.') ? [b.block_id.slice(14)] : [])));
      expect(order).toEqual(playbook.steps.map((s) => s.id));
    }
    const [open] = renderAllWays(playbook, incidentId);
    expect(open?.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(open)).toContain('(continued)');
  });
});

describe('Block Kit limits of the modals', () => {
  it('when a step has maximal title and guidance, then the evidence and skip modals are within the limits', () => {
    const step = { id: 's'.repeat(48), title: 'T&'.repeat(75), guidance: '<&>'.repeat(833), evidenceLevel: 'required' as const };
    for (const view of [evidenceModal('INC-'.repeat(50), step), skipReasonModal('INC-'.repeat(50), step)]) {
      expect(checkView(view).map(formatViolation)).toEqual([]);
    }
  });
});
