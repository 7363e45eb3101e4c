import type { ClockEvent } from '../../incidents/index.js';

/**
 * The texts and cadences Warden uses when warden.yaml says nothing. They are input values (durations as
 * text), parsed by the same schema as the file, so a default can never be something the file could not say.
 */

export const DEFAULT_CUSTOMER_TIERS: { name: string; anchor: ClockEvent; within: string; description: string }[] = [
  {
    name: 'enterprise',
    anchor: 'became_aware',
    within: '24h',
    description: 'Enterprise contracts: notify affected enterprise customers within 24 hours of becoming aware of the incident.',
  },
];

export const DEFAULT_REMINDER_LEAD_TIMES = ['50%', '4h', '1h', '0'];
