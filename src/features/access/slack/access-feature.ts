import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import { whoami } from './whoami.js';

/** Warden roles as Slack sees them: `/warden whoami`, and user groups re-read when Slack says they changed. */
export const accessFeature: WardenFeature = {
  name: 'access',
  migrations: [],
  plug: ({ deps }) => ({
    commands: { '/warden': [whoami] },
    slack(on) {
      on.event('subteam_members_changed', (event) => deps.access.groupChanged(event.subteam_id));
    },
  }),
};
