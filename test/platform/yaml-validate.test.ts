import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatProblem, parseYamlWith } from '../../src/platform/yaml-validate.js';

const schema = z.object({
  severities: z.array(z.object({ name: z.string(), updateEvery: z.string().regex(/^\d+m$/, 'expected a duration like 30m') })),
  channel: z.string().optional(),
});

describe('parseYamlWith', () => {
  it('returns the typed value when the file is valid', () => {
    const r = parseYamlWith(schema, 'severities:\n  - name: sev1\n    updateEvery: 30m\n', 'w.yaml');
    expect(r).toEqual({ ok: true, value: { severities: [{ name: 'sev1', updateEvery: '30m' }] } });
  });

  it('when a nested value is wrong, names the file, the line and the path', () => {
    const text = 'severities:\n  - name: sev1\n    updateEvery: 30m\n  - name: sev2\n    updateEvery: soon\n';
    const r = parseYamlWith(schema, text, 'w.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual(['w.yaml:5 severities[1].updateEvery: expected a duration like 30m']);
  });

  it('when a key is missing, points at the nearest parent that exists', () => {
    const r = parseYamlWith(schema, 'channel: x\nseverities:\n  - name: sev1\n', 'w.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ line: 3, path: 'severities[0].updateEvery' });
  });

  it('when the YAML itself is broken, reports the parser error with its line', () => {
    const r = parseYamlWith(schema, 'severities:\n  - name: [unclosed\n', 'w.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.file).toBe('w.yaml');
    expect(r.problems[0]?.line).toBeGreaterThan(0);
  });

  it('refuses a key given twice instead of silently keeping the last', () => {
    const r = parseYamlWith(schema, 'channel: a\nchannel: b\nseverities: []\n', 'w.yaml');
    expect(r.ok).toBe(false);
  });
});
