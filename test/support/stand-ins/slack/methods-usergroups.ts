/** usergroups.users.list: the members of a user group, or Slack's `no_such_subteam`. */
import { z } from 'zod';
import { fail, ok, parseArgs, type MethodHandler } from './method-kit.js';

const UsersListArgs = z.object({ usergroup: z.string({ error: 'usergroup is required' }), include_disabled: z.unknown().optional(), team_id: z.string().optional() });

const usersList: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(UsersListArgs, args);
  if (!parsed.ok) return parsed.result;
  const members = state.usergroups.get(parsed.value.usergroup);
  return members ? ok({ users: [...members] }) : fail('no_such_subteam');
};

export const USERGROUP_METHODS: Readonly<Record<string, MethodHandler>> = { 'usergroups.users.list': usersList };
