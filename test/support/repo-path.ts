import { fileURLToPath } from 'node:url';

/** A path inside the repository (shipped playbooks, regimes, templates, example files), wherever the test sits. */
export const repoPath = (name: string): string => fileURLToPath(new URL(`../../${name}`, import.meta.url));
