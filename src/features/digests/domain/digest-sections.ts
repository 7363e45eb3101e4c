/** What a digest may show, in this order. */
export const DIGEST_SECTIONS = ['incidents', 'deadlines', 'reviews', 'actions', 'patches', 'access-reviews', 'metrics', 'backups'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];
