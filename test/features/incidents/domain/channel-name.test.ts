import { describe, expect, it } from 'vitest';
import { humanIncidentId, incidentChannelName, MAX_CHANNEL_NAME, slugify, withSuffix } from '../../../../src/features/incidents/domain/channel-name.js';

const at = new Date('2026-11-22T23:30:00Z');

describe('incident channel names', () => {
  it('uses the declaration date in the configured zone and a slug of the title', () => {
    expect(incidentChannelName('Payments API down', at, 'UTC')).toBe('inc-20261122-payments-api-down');
    expect(incidentChannelName('Payments API down', at, 'Asia/Tokyo')).toBe('inc-20261123-payments-api-down');
  });

  it('keeps only what Slack accepts: lowercase letters, digits and dashes', () => {
    expect(slugify('Ünïcode & <!channel> SQL_injection; DROP')).toBe('unicode-channel-sql-injection-drop');
    expect(incidentChannelName('!!!', at, 'UTC')).toBe('inc-20261122-incident');
  });

  it('stays within 80 characters with room for a suffix, and never ends in a dash', () => {
    const name = incidentChannelName('a very long title '.repeat(10), at, 'UTC');
    expect(name.length).toBeLessThanOrEqual(MAX_CHANNEL_NAME - 4);
    expect(name.endsWith('-')).toBe(false);
    expect(withSuffix(name, 20).length).toBeLessThanOrEqual(MAX_CHANNEL_NAME);
  });

  it('suffixes taken names from -2 on', () => {
    expect(withSuffix('inc-x', 1)).toBe('inc-x');
    expect(withSuffix('inc-x', 2)).toBe('inc-x-2');
  });

  it('formats human ids with the year and a padded sequence', () => {
    expect(humanIncidentId(2026, 7)).toBe('INC-2026-0007');
    expect(humanIncidentId(2027, 12345)).toBe('INC-2027-12345');
  });
});
