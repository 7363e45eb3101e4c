import type { WebClient } from '@slack/web-api';
import type { GroupLookup } from '../../features/access/index.js';

/** A user group's members from Slack (`usergroups.users.list`); a Slack error rejects, so the group grants nothing. */
export const usergroupLookup =
  (client: WebClient): GroupLookup =>
  async (usergroup) => {
    const answer = await client.usergroups.users.list({ usergroup });
    return answer.users ?? [];
  };
