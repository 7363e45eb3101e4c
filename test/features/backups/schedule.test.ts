import { describe, expect, it } from 'vitest';
import { ageText, backupFreshness } from '../../../src/features/backups/index.js';
import { firstSlot, slotAfter, slotDone, slotOf } from '../../../src/features/backups/domain/schedule.js';
import { backupSection } from '../../../src/features/digests/domain/sections/backup-section.js';

const HOUR = 3_600_000;
const d = (iso: string) => new Date(iso);
const marks = { text: (s: string) => s, person: (u: string) => `<@${u}>`, at: (x: Date) => x.toISOString() };

describe('the backup schedule', () => {
  it('when the period is an hour, then slots start on the hour and the next follows the current one', () => {
    expect(slotOf(d('2026-12-02T10:59:59.999Z'), HOUR)).toEqual(d('2026-12-02T10:00:00.000Z'));
    expect(slotAfter(d('2026-12-02T10:00:00.000Z'), HOUR)).toEqual(d('2026-12-02T11:00:00.000Z'));
    expect(slotAfter(d('2026-12-02T10:59:00.000Z'), 6 * HOUR)).toEqual(d('2026-12-02T12:00:00.000Z'));
  });

  it('when Warden starts, then the first slot is the current one without a backup, else the one after the last', () => {
    const now = d('2026-12-02T10:20:00.000Z');
    expect(firstSlot(null, now, HOUR)).toEqual(d('2026-12-02T10:00:00.000Z'));
    expect(firstSlot(d('2026-12-02T10:05:00.000Z'), now, HOUR)).toEqual(d('2026-12-02T11:00:00.000Z'));
    // Down since 06:30: the 07:00 slot is due at once (one catch-up, not four).
    expect(firstSlot(d('2026-12-02T06:30:00.000Z'), now, HOUR)).toEqual(d('2026-12-02T07:00:00.000Z'));
  });

  it('when a good backup was taken in or after a slot, then the slot is done', () => {
    const slot = d('2026-12-02T10:00:00.000Z');
    expect(slotDone(slot, null)).toBe(false);
    expect(slotDone(slot, d('2026-12-02T09:59:59.000Z'))).toBe(false);
    expect(slotDone(slot, d('2026-12-02T10:00:00.000Z'))).toBe(true);
    expect(slotDone(slot, d('2026-12-02T12:00:00.000Z'))).toBe(true);
  });
});

describe('the freshness of the last good backup', () => {
  const now = d('2026-12-02T10:00:00.000Z');
  const last = (iso: string) => ({ takenAt: d(iso), facts: { sha256: 'ab'.repeat(32) } });

  it('when the last one is within twice the period, then it is fresh; beyond, overdue; none or off, said so', () => {
    expect(backupFreshness(last('2026-12-02T08:00:00.000Z'), HOUR, now)).toMatchObject({ state: 'ok', overdue: false, ageMs: 2 * HOUR });
    expect(backupFreshness(last('2026-12-02T07:59:00.000Z'), HOUR, now)).toMatchObject({ state: 'overdue', overdue: true });
    expect(backupFreshness(null, HOUR, now)).toEqual({ state: 'none', everyMs: HOUR, overdue: true });
    expect(backupFreshness(last('2026-12-02T08:00:00.000Z'), null, now)).toEqual({ state: 'disabled' });
  });

  it('when ages are shown, then in days and hours, or hours and minutes', () => {
    expect(ageText(65 * 60_000)).toBe('1h 05m');
    expect(ageText(12 * 60_000)).toBe('0h 12m');
    expect(ageText(3 * 24 * HOUR + 4 * HOUR + 59 * 60_000)).toBe('3d 4h');
    expect(ageText(-5)).toBe('0h 00m');
  });

  it("when the last good backup is overdue, then the managers' digest warns; fresh: one quiet line", () => {
    const overdue = backupSection(backupFreshness(last('2026-12-02T07:00:00.000Z'), HOUR, now), marks);
    expect(overdue.lines).toEqual([':warning: *last good backup 3h 00m ago* (expected every 1h)']);
    const none = backupSection(backupFreshness(null, 6 * HOUR, now), marks);
    expect(none.lines).toEqual([':warning: *no good backup yet* (expected every 6h)']);
    const fresh = backupSection(backupFreshness(last('2026-12-02T09:40:00.000Z'), HOUR, now), marks);
    expect(fresh.lines).toEqual(['Last good backup 0h 20m ago (2026-12-02T09:40:00.000Z), every 1h']);
    expect(backupSection({ state: 'disabled' }, marks).lines[0]).toContain('off');
  });
});
