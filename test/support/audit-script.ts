import { readFileSync } from 'node:fs';
import { repoPath } from './repo-path.js';

/** The verification script exactly as docs/audit.md prints it: the only ```bash block there. */
export function documentedAuditScript(): string {
  const blocks = [...readFileSync(repoPath('docs/audit.md'), 'utf8').matchAll(/```bash\n([\s\S]*?)```/g)];
  if (blocks.length !== 1) throw new Error(`docs/audit.md should hold one bash block, found ${blocks.length}`);
  return blocks[0]![1]!;
}
