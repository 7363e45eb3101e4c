import { describe, expect, it } from 'vitest';
import { checklistModel } from '../../../../../src/features/playbooks/domain/checklist-model.js';
import type { StepStates } from '../../../../../src/features/playbooks/domain/step-state.js';
import { checklistMessages, PLAYBOOK_ACTIONS } from '../../../../../src/features/playbooks/slack/blocks/playbook-checklist.js';
import { decodeStepRef } from '../../../../../src/features/playbooks/slack/blocks/playbook-text.js';
import { aChecklistIncident, aDoneState, aPlaybook, aStep } from '../../domain/builders.js';

const H = 3_600_000;
const now = new Date('2025-03-01T11:00:00Z');
const small = aPlaybook({
  name: 'Leaked credential',
  steps: [
    aStep({ id: 'revoke', title: 'Revoke the secret', owner: 'ops', due: { after: '30m', afterMs: H / 2, from: { kind: 'declared' } },
      guidance: 'Revoke it **now** via the [secrets runbook](https://runbooks.example.com/secrets).\n\nDetails nobody reads in the channel.' }),
    aStep({ id: 'search', title: 'Search logs', phase: 'eradication_recovery' }),
    aStep({ id: 'review', title: 'Review', phase: 'post_incident' }),
  ],
});
const states: StepStates = {
  search: aDoneState('search', 'U1', '2025-03-01T10:40:00Z', '<!channel> see https://siem/q?a=1&b=2'),
  review: { stepId: 'review', status: 'skipped', assignee: null, by: 'U2', at: new Date('2025-03-01T10:50:00Z'), evidence: null, reason: 'Drill <only>' },
};

describe('checklistMessages', () => {
  it('when a small checklist is rendered, then one message shows header, progress, phases, and buttons on open steps only', () => {
    const [message, ...rest] = checklistMessages(checklistModel(small, aChecklistIncident({ roles: { ops: 'UOPS' } }), states, now));
    expect(rest).toEqual([]);
    expect(message).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "emoji": true,
              "text": "Playbook: Leaked credential",
              "type": "plain_text",
            },
            "type": "header",
          },
          {
            "elements": [
              {
                "text": "▰▰▰▰▰▰▰▱▱▱ *2/3* · 1 done · 1 skipped · 1 open · :warning: 1 overdue",
                "type": "mrkdwn",
              },
            ],
            "type": "context",
          },
          {
            "block_id": "playbook.phase.detection_analysis",
            "text": {
              "text": "*Detection &amp; analysis*  0/1",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "block_id": "playbook.step.revoke",
            "text": {
              "text": ":red_circle: *Revoke the secret*
      _ops_ · <@UOPS> · due <!date^1740825000^{date_short_pretty} {time}|2025-03-01 10:30 UTC> *overdue*
      Revoke it *now* via the <https://runbooks.example.com/secrets|secrets runbook>.",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "block_id": "playbook.actions.revoke",
            "elements": [
              {
                "action_id": "playbook.done",
                "style": "primary",
                "text": {
                  "text": "Done",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "{"i":"INC-42","s":"revoke"}",
              },
              {
                "action_id": "playbook.skip",
                "text": {
                  "text": "Skip",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "{"i":"INC-42","s":"revoke"}",
              },
              {
                "action_id": "playbook.assign",
                "text": {
                  "text": "Assign",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "{"i":"INC-42","s":"revoke"}",
              },
            ],
            "type": "actions",
          },
          {
            "block_id": "playbook.phase.eradication_recovery",
            "text": {
              "text": "*Eradication &amp; recovery*  1/1",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "block_id": "playbook.step.search",
            "text": {
              "text": ":white_check_mark: ~Search logs~
      Done by <@U1> <!date^1740825600^{date_short_pretty} {time}|2025-03-01 10:40 UTC>
      Evidence: &lt;!channel&gt; see https://siem/q?a=1&amp;b=2",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "block_id": "playbook.phase.post_incident",
            "text": {
              "text": "*Post-incident activity*  1/1",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "block_id": "playbook.step.review",
            "text": {
              "text": ":fast_forward: ~Review~
      Skipped by <@U2> <!date^1740826200^{date_short_pretty} {time}|2025-03-01 10:50 UTC>
      Reason: Drill &lt;only&gt;",
              "type": "mrkdwn",
            },
            "type": "section",
          },
        ],
        "text": "Playbook Leaked credential: 2 of 3 steps closed",
      }
    `);
  });

  it('when a step is open, then Done, Skip and Assign carry the incident and step in their value', () => {
    const [message] = checklistMessages(checklistModel(small, aChecklistIncident(), {}, now));
    const actions = message?.blocks.find((b) => b.type === 'actions' && b.block_id === 'playbook.actions.revoke');
    if (actions?.type !== 'actions') throw new Error('no actions block for the open step');
    expect(actions.elements.map((e) => (e.type === 'button' ? [e.action_id, e.text.text] : e.type))).toEqual([
      [PLAYBOOK_ACTIONS.done, 'Done'],
      [PLAYBOOK_ACTIONS.skip, 'Skip'],
      [PLAYBOOK_ACTIONS.assign, 'Assign'],
    ]);
    for (const e of actions.elements) {
      expect(e.type === 'button' && decodeStepRef(e.value)).toEqual({ incidentId: 'INC-42', stepId: 'revoke' });
    }
  });

  it('when user text holds mentions, links or ampersands, then it is escaped and cannot ping or link', () => {
    const text = JSON.stringify(checklistMessages(checklistModel(small, aChecklistIncident(), states, now)));
    expect(text).toContain('&lt;!channel&gt; see https://siem/q?a=1&amp;b=2');
    expect(text).toContain('Reason: Drill &lt;only&gt;');
    expect(text).not.toContain('<!channel>');
  });
});

describe('checklistMessages splitting', () => {
  const phases = ['detection_analysis', 'containment', 'eradication_recovery', 'post_incident'] as const;
  const long = aPlaybook({
    name: 'Long',
    steps: Array.from({ length: 60 }, (_, i) => aStep({ id: `s${i}`, phase: phases[Math.floor(i / 15)] ?? 'post_incident' })),
  });
  const stepIdsPerMessage = (st: StepStates) =>
    checklistMessages(checklistModel(long, aChecklistIncident(), st, now)).map((m) =>
      m.blocks.flatMap((b) => (b.type === 'section' && b.block_id?.startsWith('playbook.step.') ? [b.block_id.slice(14)] : [])),
    );

  it('when the checklist does not fit one message, then phases are packed in order and the header is only on the first', () => {
    const messages = checklistMessages(checklistModel(long, aChecklistIncident(), {}, now));
    // Each 15-step phase takes 31 blocks (heading + 2 per step): two never share a 50-block message.
    expect(messages.map((m) => m.blocks.length)).toEqual([2 + 31, 31, 31, 31]);
    expect(messages.map((m) => m.blocks.filter((b) => b.type === 'header').length)).toEqual([1, 0, 0, 0]);
    expect(messages.map((m) => m.text)).toEqual([1, 2, 3, 4].map((i) => `Playbook Long: 0 of 60 steps closed (part ${i} of 4)`));
  });

  it('when steps get done, then every step stays in the same message so each can be updated in place', () => {
    const before = stepIdsPerMessage({});
    const done: StepStates = Object.fromEntries(
      ['s0', 's1', 's16', 's40', 's59'].map((id) => [id, aDoneState(id, 'U1', '2025-03-01T10:30:00Z')]),
    );
    expect(stepIdsPerMessage(done)).toEqual(before);
    expect(before.flat()).toHaveLength(60);
  });
});
