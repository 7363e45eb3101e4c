import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { manifestOf } from '../../../src/features/evidence/domain/manifest.js';
import { errorOf } from '../../support/error-of.js';

const hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('MANIFEST.sha256', () => {
  it('when files come in any order, then each gets a `<hex>  <path>` line, sorted by the bytes of the path', () => {
    const manifest = manifestOf([
      { path: 'summary.md', content: '# s\n' },
      { path: 'audit/incident-entries.jsonl', content: '' },
      { path: 'Zeta.json', content: 'é' },
      { path: 'audit-notes.json', content: '{}' },
    ]);
    expect(manifest.path).toBe('MANIFEST.sha256');
    // `-` (0x2D) sorts before `/` (0x2F), and capitals before lower case, as `LC_ALL=C sort` does.
    expect(manifest.content).toBe(
      [`${hex('é')}  Zeta.json`, `${hex('{}')}  audit-notes.json`, `${hex('')}  audit/incident-entries.jsonl`, `${hex('# s\n')}  summary.md`].map((l) => `${l}\n`).join(''),
    );
  });

  it('when a path would leave the pack, hold a line break or a backslash, or repeat, then it is refused', () => {
    for (const path of ['../x', '/etc/passwd', 'audit/../../x', 'a//b', 'a\nb', 'a\\b', '', 'MANIFEST.sha256']) {
      expect(errorOf(() => manifestOf([{ path, content: 'x' }])).code).toBe('bad_input');
    }
    expect(errorOf(() => manifestOf([{ path: 'a.json', content: '1' }, { path: 'a.json', content: '2' }])).message).toContain('two files named "a.json"');
  });
});
