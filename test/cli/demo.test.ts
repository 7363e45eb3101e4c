import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo/run-demo.js';

describe('warden demo', () => {
  it('plays the scripted incident end to end on the stand-in and exits 0 with a verified audit chain', async () => {
    const lines: string[] = [];
    const code = await runDemo({ out: (s) => void lines.push(s), err: (s) => void lines.push(s) });
    const text = lines.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('Warden created #inc-');
    expect(text).toContain('is now *closed*');
    expect(text).toContain('Recorded `became_aware`');
    expect(text).toContain('PLAYBOOK: SERVICE OUTAGE');
    // After the incident: its review and action item; between incidents: a finding, the controls, the digest.
    expect(text).toContain('cannot close before its post-incident review is done or waived');
    expect(text).toContain('Warden shared INC-2026-0001-review.md');
    expect(text).toContain('• *CVE-2026-4242* critical · payments-api · @carol');
    expect(text).toContain('*Secrets rotation* `secrets-rotation` (_no owner_, every 90d)');
    expect(text).toMatch(/MANAGERS' DIGEST[\s\S]*\*1 open\*: critical: 1/);
    expect(text).toMatch(/audit chain: \d+ entries and their timeline verified against a signed checkpoint/);
    expect(text).not.toMatch(/Something went wrong|BROKEN/);
  });
});
