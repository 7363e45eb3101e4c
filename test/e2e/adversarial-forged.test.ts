// Adversarial QA: block actions and view submissions whose `value` or `private_metadata` Warden never wrote
// (garbage, not JSON, another incident, another channel, huge). Each must get a clear ephemeral answer or a
// field error, never "Something went wrong", and store nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeStepRef } from '../../src/features/playbooks/slack/blocks/playbook-text.js';
import { datetimeValue, plainTextValue, staticSelectValue, usersSelectValue, type ViewStateValues } from '../support/slack-requests.js';
import { type Harness } from '../support/warden-harness.js';
import { startFullHarness } from '../support/full-harness.js';

let h: Harness;
let a: { id: string; channel: string };
let b: { id: string; channel: string };

/** Two incidents: A (Alice's, with GDPR applied, a playbook and notice #1 waiting for approval) and B (Bob's). */
beforeEach(async () => {
  h = await startFullHarness({ permissions: { approvers: ['ULEGAL01', 'UDPO0001'] } });
  await h.incident('declare sev1 Incident A');
  await h.incident('declare sev2 Incident B', { user: 'UBOB' });
  await h.settle();
  const [first, second] = h.warden.store.incidents.listOpen().sort((x, y) => x.id.localeCompare(y.id));
  a = { id: first?.id as string, channel: first?.channelId as string };
  b = { id: second?.id as string, channel: second?.channelId as string };
  for (const text of ['flag personal_data on', 'clock became_aware', 'regime add gdpr', 'notify customer-initial']) await h.incident(text, { channel: a.channel });
  for (const text of ['clock became_aware', 'regime add nis2']) await h.incident(text, { channel: b.channel, user: 'UBOB' });
  const view = h.slack.calls('views.open').at(-1)?.args.view as { private_metadata: string };
  await h.submit({ callbackId: 'clocks.notice_draft', privateMetadata: view.private_metadata, values: { text: { text: plainTextValue('Dear customers') } }, userId: 'UALICE' });
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

const count = (table: 'audit_log' | 'jobs') => (h.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const stored = () => ({ audit: count('audit_log'), jobs: count('jobs'), modals: h.slack.calls('views.open').length });

let clicks = 0;
/** Clicks `actionId` with `value` as `user` in `channel`; resolves to what Warden told the clicker (or ''). */
async function click(actionId: string, value: string, channel: string, user: string): Promise<{ status: number; told: string }> {
  const id = `forged-${++clicks}`;
  const res = await h.action({ actionId, value, userId: user, channelId: channel, messageTs: '1700000000.000100', responseUrl: h.slack.responseUrl(id, { channelId: channel, userId: user }) });
  for (let i = 0; i < 100; i++) {
    const answer = h.slack.calls('response_url').find((c) => c.responseUrlId === id);
    if (answer) return { status: res.status, told: String(answer.args.text) };
    await new Promise((r) => setTimeout(r, 10));
  }
  return { status: res.status, told: '' };
}

const GARBAGE = ['', 'abc', '1.5', 'not|json|x', '{bad json', 'x'.repeat(5_000), `${'INC-2026-0001|'.repeat(40)}gdpr`];
/** A checklist button's value: Warden's, but not for a clock button or form. */
const STEP_REF = '{"i":"INC-2026-0001","s":"open-record"}';
const CLOCK_BUTTONS = ['clocks.notice_approve', 'clocks.notice_changes', 'clocks.apply_regime', 'clocks.not_notifiable'];

describe('clock buttons with values Warden never wrote', () => {
  it('when a clock button carries garbage, then the clicker is told it is not a Warden button, and nothing is stored or opened', async () => {
    const problems: string[] = [];
    for (const actionId of CLOCK_BUTTONS) {
      for (const value of [...GARBAGE, STEP_REF]) {
        const before = stored();
        const { status, told } = await click(actionId, value, a.channel, 'ULEGAL01');
        const label = `[${actionId}] [${value.slice(0, 30)}]`;
        if (status !== 200) problems.push(`${label}: HTTP ${status}`);
        if (!told.includes('not one Warden made')) problems.push(`${label}: ${told.slice(0, 100)}`);
        if (JSON.stringify(stored()) !== JSON.stringify(before)) problems.push(`${label}: stored or opened something`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('when a clock button names an incident whose channel it was not clicked in, then it is refused and nothing is stored or opened', async () => {
    const before = stored();
    expect((await click('clocks.apply_regime', `${b.id}|gdpr`, a.channel, 'UBOB')).told).toContain('not one Warden made');
    expect((await click('clocks.not_notifiable', `${b.id}|nis2:early_warning`, a.channel, 'UBOB')).told).toContain('not one Warden made');
    expect((await click('clocks.apply_regime', `${a.id}|hipaa`, b.channel, 'UALICE')).told).toContain('not one Warden made');
    expect(stored()).toEqual(before);
    expect(h.db.prepare('SELECT regime_id FROM incident_regimes WHERE incident_id = ?').pluck().all(b.id)).toEqual(['nis2']);
  });

  it('when the same buttons are clicked in their own incident channel, then they work', async () => {
    expect((await click('clocks.notice_approve', '1', a.channel, 'UDPO0001')).told).toBe('Notice #1 approved.');
    await click('clocks.apply_regime', `${b.id}|gdpr`, b.channel, 'UBOB');
    expect(h.db.prepare('SELECT regime_id FROM incident_regimes WHERE incident_id = ? ORDER BY regime_id').pluck().all(b.id)).toEqual(['gdpr', 'nis2']);
  });
});

describe('forms that come back with private_metadata or values Warden never wrote', () => {
  const METADATA = ['', 'not json', 'null', '[]', '{}', '{"incidentId":42}', 'x'.repeat(5_000)];
  const FORMS: { callbackId: string; field: string; values: ViewStateValues }[] = [
    { callbackId: 'clocks.notice_draft', field: 'text', values: { text: { text: plainTextValue('Forged notice') } } },
    { callbackId: 'clocks.not_notifiable_reason', field: 'reason', values: { reason: { reason: plainTextValue('Forged rationale') } } },
    { callbackId: 'playbook.evidence', field: 'evidence', values: { evidence: { evidence_value: plainTextValue('Forged evidence') } } },
    { callbackId: 'playbook.skip_reason', field: 'reason', values: { reason: { reason_value: plainTextValue('Forged reason') } } },
    { callbackId: 'playbook.assign_user', field: 'assignee', values: { assignee: { assignee_value: usersSelectValue('UBOB') } } },
  ];

  it('when a form carries garbage private_metadata, then the error lands on its field, says the form is out of date, and nothing is stored', async () => {
    const problems: string[] = [];
    for (const form of FORMS) {
      for (const meta of form.callbackId.startsWith('clocks.') ? [...METADATA, STEP_REF] : METADATA) {
        const before = stored();
        const res = await h.submit({ callbackId: form.callbackId, privateMetadata: meta, values: form.values, userId: 'ULEGAL01' });
        const error = (res.body as { errors?: Record<string, string> }).errors?.[form.field] ?? '';
        const label = `[${form.callbackId}] [${meta.slice(0, 30)}]`;
        if (res.status !== 200 || !/out of date/.test(error)) problems.push(`${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 140)}`);
        if (JSON.stringify(stored()) !== JSON.stringify(before)) problems.push(`${label}: stored something`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('when a form\'s values have the wrong shape, then the error lands on its field and nothing is stored', async () => {
    const before = stored();
    const draft = await h.submit({ callbackId: 'clocks.notice_draft', privateMetadata: JSON.stringify({ incidentId: a.id, template: 'customer-initial' }), values: { text: { text: { type: 'plain_text_input', value: 42 } } } as never, userId: 'UALICE' });
    expect(draft.body).toEqual({ response_action: 'errors', errors: { text: expect.stringContaining('out of date') } });
    const reason = await h.submit({ callbackId: 'clocks.not_notifiable_reason', privateMetadata: JSON.stringify({ incidentId: a.id, ref: 'gdpr:data_subjects' }), values: {}, userId: 'UALICE' });
    expect(reason.body).toEqual({ response_action: 'errors', errors: { reason: expect.stringContaining('out of date') } });
    const declare = await h.submit({ callbackId: 'incident.declare', privateMetadata: 'x'.repeat(3_000), values: { title: { title: { type: 'plain_text_input', value: ['x'] } }, severity: { severity: staticSelectValue('sev9') } } as never, userId: 'UALICE' });
    expect(declare.body).toEqual({ response_action: 'errors', errors: { title: 'The form could not be read; close it and run /incident declare again.' } });
    expect(stored()).toEqual(before);
  });
});

describe('the declare form with a detection time no date picker sends', () => {
  it.each([1e13, -1e9, Number.MAX_SAFE_INTEGER])('when detected_at is %s seconds, then the error lands on that field and no incident is declared', async (seconds) => {
    const before = stored();
    const values = { title: { title: plainTextValue('Forged detection time') }, severity: { severity: staticSelectValue('sev2') }, detected_at: { detected_at: datetimeValue(seconds) } };
    const res = await h.submit({ callbackId: 'incident.declare', privateMetadata: '', values, userId: 'UALICE', viewId: `VDETECT${seconds}` });
    expect(res.body).toEqual({ response_action: 'errors', errors: { detected_at: 'Pick the date and time of detection.' } });
    expect(stored()).toEqual(before);
    expect(h.warden.store.incidents.listOpen()).toHaveLength(2);
  });
});

describe('playbook buttons with values Warden never wrote', () => {
  it('when a checklist button carries garbage or names another channel\'s incident, then the clicker is told it is not a Warden button, and nothing is stored', async () => {
    await h.incident('flag personal_data on', { channel: b.channel, user: 'UBOB' });
    await h.settle();
    const problems: string[] = [];
    const values = [...GARBAGE, encodeStepRef({ incidentId: b.id, stepId: 'open-record' }), encodeStepRef({ incidentId: a.id, stepId: '../../etc' })];
    for (const actionId of ['playbook.done', 'playbook.skip', 'playbook.assign']) {
      for (const value of values) {
        const before = stored();
        const { told } = await click(actionId, value, a.channel, 'UALICE');
        if (!told.includes('not one Warden made')) problems.push(`[${actionId}] [${value.slice(0, 40)}]: ${told.slice(0, 100)}`);
        if (JSON.stringify(stored()) !== JSON.stringify(before)) problems.push(`[${actionId}] [${value.slice(0, 40)}]: stored something`);
      }
    }
    expect(problems).toEqual([]);
  });
});
