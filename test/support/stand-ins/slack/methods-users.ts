/** users.lookupByEmail: the person whose profile has that email, or Slack's `users_not_found`. */
import { z } from 'zod';
import { wireUser } from './methods-misc.js';
import { fail, ok, parseArgs, type MethodHandler } from './method-kit.js';

const LookupArgs = z.object({ email: z.string({ error: 'email is required' }) });

const lookupByEmail: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(LookupArgs, args);
  if (!parsed.ok) return parsed.result;
  const wanted = parsed.value.email.toLowerCase();
  const found = [...state.users].find(([, u]) => u.email?.toLowerCase() === wanted);
  return found ? ok({ user: wireUser(found[0], found[1], state.clock.now(), false) }) : fail('users_not_found');
};

export const USER_METHODS: Readonly<Record<string, MethodHandler>> = { 'users.lookupByEmail': lookupByEmail };
