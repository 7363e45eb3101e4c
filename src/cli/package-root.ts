import { fileURLToPath } from 'node:url';

/** The installed package's root (where playbooks/, regimes/ and templates/ ship), from src/cli or dist/cli alike. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
