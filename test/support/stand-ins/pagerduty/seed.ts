/** The stand-in's default account: one service, its escalation policy and two people on call. */
import type { SeedOnCall, SeedService, SeedUser } from './types.js';

export const STAND_IN_TOKEN = 'pd-stand-in-token';
export const STAND_IN_SERVICE_ID = 'PSVC001';
export const STAND_IN_POLICY_ID = 'PEP0001';

export const DEFAULT_SERVICES: SeedService[] = [{ id: STAND_IN_SERVICE_ID, name: 'Checkout API', escalationPolicyId: STAND_IN_POLICY_ID }];

export const DEFAULT_USERS: SeedUser[] = [
  { id: 'PUSR001', name: 'Ada Lovelace', email: 'ada@example.com' },
  { id: 'PUSR002', name: 'Grace Hopper', email: 'grace@example.com' },
];

export const DEFAULT_ON_CALLS: SeedOnCall[] = [
  { escalationPolicyId: STAND_IN_POLICY_ID, level: 1, userId: 'PUSR001', start: '2020-01-01T00:00:00Z', end: '2100-01-01T00:00:00Z', schedule: { id: 'PSCH001', name: 'Primary' } },
  { escalationPolicyId: STAND_IN_POLICY_ID, level: 2, userId: 'PUSR002', start: null, end: null, schedule: null },
];
