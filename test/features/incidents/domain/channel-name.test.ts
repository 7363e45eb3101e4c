import { describe, expect, it } from 'vitest';
import { channelNameCandidates, humanIncidentId, incidentChannelName, MAX_CHANNEL_NAME, slugify, withSuffix } from '../../../../src/features/incidents/domain/channel-name.js';

const at = new Date('2026-11-22T23:30:00Z');
const ID = 'INC-2026-0042';

describe('incident channel names', () => {
  it('uses the declaration date in the configured zone and a slug of the title', () => {
    expect(incidentChannelName('Payments API down', at, 'UTC', ID)).toBe('inc-20261122-payments-api-down');
    expect(incidentChannelName('Payments API down', at, 'Asia/Tokyo', ID)).toBe('inc-20261123-payments-api-down');
  });

  it('keeps only what Slack accepts: lowercase letters, digits and dashes', () => {
    expect(slugify('Ünïcode & <!channel> SQL_injection; DROP')).toBe('unicode-channel-sql-injection-drop');
  });

  it('when a title is in another script or holds emoji, then it is transliterated; with nothing to spell, the number is used', () => {
    expect(incidentChannelName('Платежи не проходят', at, 'UTC', ID)).toBe('inc-20261122-platezhi-ne-prokhodyat');
    expect(incidentChannelName('Η βάση δεδομένων είναι εκτός', at, 'UTC', ID)).toBe('inc-20261122-i-vasi-dedomenon-einai-ektos');
    expect(incidentChannelName('決済が失敗', at, 'UTC', ID)).toMatch(/^inc-20261122-[a-z0-9-]+$/);
    expect(incidentChannelName('決済が失敗', at, 'UTC', ID)).not.toBe('inc-20261122-inc-2026-0042');
    expect(incidentChannelName('🔥 prod down', at, 'UTC', ID)).toBe('inc-20261122-fire-prod-down');
    expect(incidentChannelName('!!!', at, 'UTC', ID)).toBe('inc-20261122-inc-2026-0042');
    expect(incidentChannelName('\u202e\u0000', at, 'UTC', ID)).toBe('inc-20261122-inc-2026-0042');
  });

  it('tries the name, its suffixes, then the incident number', () => {
    expect(channelNameCandidates('inc-20261122-db', ID, 3)).toEqual(['inc-20261122-db', 'inc-20261122-db-2', 'inc-20261122-db-3', 'inc-2026-0042']);
    expect(channelNameCandidates('inc-2026-0042', ID, 2)).toEqual(['inc-2026-0042', 'inc-2026-0042-2']);
  });

  it('stays within 80 characters with room for a suffix, and never ends in a dash', () => {
    const name = incidentChannelName('a very long title '.repeat(10), at, 'UTC', ID);
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
