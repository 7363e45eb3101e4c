import { describe, expect, it } from 'vitest';
import { declareModal } from '../../../../src/features/incidents/slack/blocks/declare-modal.js';
import { readDeclareOrigin } from '../../../../src/features/incidents/slack/declare-submission.js';

const severities = [
  { id: 'sev1', name: 'SEV1', description: 'critical', updateEveryMs: 1 },
  { id: 'sev2', name: 'SEV2', description: 'major', updateEveryMs: 1 },
];

const element = (view: ReturnType<typeof declareModal>, blockId: string) =>
  (view.blocks.find((b) => 'block_id' in b && b.block_id === blockId) as unknown as { element: Record<string, unknown> }).element;

describe('the declare modal, pre-filled', () => {
  it('when opened with a title, severity and metadata, then it shows them and carries the metadata back', () => {
    const view = declareModal(severities, [], { title: 'Checkout latency', severity: 'sev2', privateMetadata: '{"pagerDutyIncidentId":"PGR0VU2"}' });
    expect(element(view, 'title').initial_value).toBe('Checkout latency');
    expect(element(view, 'severity').initial_option).toMatchObject({ value: 'sev2' });
    expect(view.private_metadata).toBe('{"pagerDutyIncidentId":"PGR0VU2"}');
  });

  it('when the severity is not configured, then none is pre-selected; with no prefill the form is as before', () => {
    expect(element(declareModal(severities, [], { severity: 'sev9' }), 'severity').initial_option).toBeUndefined();
    const plain = declareModal(severities, []);
    expect(plain.private_metadata).toBeUndefined();
    expect(element(plain, 'title').initial_value).toBeUndefined();
  });
});

describe('readDeclareOrigin', () => {
  it('reads a PagerDuty incident id and ignores anything else', () => {
    expect(readDeclareOrigin('{"pagerDutyIncidentId":"PGR0VU2"}')).toEqual({ origin: { pagerDutyIncidentId: 'PGR0VU2' } });
    expect(readDeclareOrigin('')).toEqual({});
    expect(readDeclareOrigin('{"pagerDutyIncidentId":"<!channel>"}')).toEqual({});
    expect(readDeclareOrigin('not json')).toEqual({});
  });
});
