import { afterEach, describe, expect, it } from 'vitest';
import type { WardenConfigInput } from '../../src/config/index.js';
import type { EntityType } from '../../src/features/notifications/domain/deadlines/entity.js';
import { MIN, startClockHarness, type ClockHarness } from '../features/notifications/app/clocks/clock-harness.js';

let h: ClockHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const entity = (name: string, type: EntityType, country: string, timeZone: string): WardenConfigInput => ({ company: { entities: [{ name, type, country, timeZone }] } });

/** Declares an incident with Bob as comms lead, then says each command in its channel. */
async function incidentWith(config: WardenConfigInput, commands: string[], start?: string) {
  h = await startClockHarness({ permissions: { approvers: ['ULEGAL01'] }, ...config }, start);
  await h.incident('declare sev2 Payments outage');
  await h.settle();
  const channel = h.incidentChannel();
  await h.say(channel, 'role comms <@UBOB|bob>');
  const replies: string[] = [];
  for (const c of commands) replies.push(await h.say(channel, c, 'UBOB'));
  await h.settle();
  return { h, channel, board: () => h!.board(channel), replies };
}

describe('the board: SEC 8-K filing cut-off', () => {
  it('when the 4th business day is the day before Thanksgiving, then the 8-K is due 17:30 ET that day and the at-due reminder comes then', async () => {
    const { h, board } = await incidentWith({ notifications: { reminderLeadTimes: [0], afterDueMax: 0 } }, ['clock materiality_determined 2026-11-19T15:00:00Z', 'regime add sec-8k']);
    expect(board()).toContain(`*form_8k_item_1_05* → SEC (EDGAR, public)\\n*open* · due <!date^${epoch('2026-11-25T22:30:00Z')}^`);
    expect(board()).toContain('(2026-11-25 17:30 -05:00 America/New_York)');
    expect(board()).toContain('file by 17:30 ET');
    await h.advance(Date.parse('2026-11-25T22:29:00Z') - h.clock.now().getTime());
    expect(h.dmTexts('UBOB').filter((t) => t.includes('form_8k_item_1_05'))).toHaveLength(0);
    await h.advance(MIN);
    expect(h.dmTexts('UBOB').filter((t) => t.includes('form_8k_item_1_05'))).toEqual([expect.stringContaining('(2026-11-25 17:30 -05:00 America/New_York): 0m left')]);
  });
});

describe('the board: DORA weekend relief follows the configured entity', () => {
  const sunday = ['clock became_aware 2026-11-22T08:00:00Z', 'clock classified_major 2026-11-22T08:00:00Z', 'regime add dora'];

  it('when a credit institution\'s initial notification falls on a Sunday, then it stays on Sunday and the board says why', async () => {
    const { board } = await incidentWith(entity('Acme Bank SA', 'credit_institution', 'BE', 'Europe/Brussels'), sunday);
    expect(board()).toContain(`*initial_notification* → competent authority (Art 46); significant credit institutions via NCA to ECB\\n*open* · due <!date^${epoch('2026-11-22T12:00:00Z')}^`);
    expect(board()).toContain('no weekend/holiday relief: credit_institution entities get no relief for initial_notification (RTS 2025/301 Art 5(5))');
  });

  it('when a payment institution\'s falls on a Sunday, then it moves to Monday 12:00 in its Member State', async () => {
    const { board } = await incidentWith(entity('Acme Pay SA', 'payment_institution', 'BE', 'Europe/Brussels'), sunday);
    expect(board()).toContain(`*open* · due <!date^${epoch('2026-11-23T11:00:00Z')}^`);
    expect(board()).toContain('(2026-11-23 12:00 +01:00 Europe/Brussels)');
    expect(board()).toContain('weekend/holiday relief: moved to 12:00 the next working day');
    expect(board()).toContain('zone Europe/Brussels · for Acme Pay SA (payment_institution, BE)');
  });

  it('when no entity is configured, then there is no relief and the board warns that Brussels is only a stand-in', async () => {
    const { board } = await incidentWith({}, sunday);
    expect(board()).toContain(`due <!date^${epoch('2026-11-22T12:00:00Z')}^`);
    expect(board()).toContain(':warning: no entity given: weekend and holiday relief is not applied');
    expect(board()).toContain(':warning: no Member State given: dora uses Europe/Brussels and BE public holidays as a stand-in');
  });

  it('when the intermediate report falls on Belgian National Day, then a German entity gets no relief (a working day in Germany)', async () => {
    const steps = ['clock became_aware 2026-07-18T08:00:00Z', 'clock classified_major 2026-07-18T08:00:00Z', 'regime add dora', 'submitted dora:initial_notification NCA-1'];
    const de = await incidentWith(entity('Acme Bank AG', 'payment_institution', 'DE', 'Europe/Berlin'), steps, '2026-07-18T09:00:00Z');
    expect(de.board()).toContain(`*intermediate_report* → competent authority\\n*open* · due <!date^${epoch('2026-07-21T09:00:00Z')}^`);
    expect(de.board()).toContain('(2026-07-21 11:00 +02:00 Europe/Berlin)');
    await de.h.stop();
    const be = await incidentWith(entity('Acme Pay SA', 'payment_institution', 'BE', 'Europe/Brussels'), steps, '2026-07-18T09:00:00Z');
    expect(be.board()).toContain(`*intermediate_report* → competent authority\\n*open* · due <!date^${epoch('2026-07-22T10:00:00Z')}^`);
  });

  it('when the due instant is late on a Sunday in Brussels, then for a Finnish entity it is Monday already and stands', async () => {
    const late = ['clock became_aware 2026-11-22T18:30:00Z', 'clock classified_major 2026-11-22T18:30:00Z', 'regime add dora'];
    const { board } = await incidentWith(entity('Acme Pay Oy', 'payment_institution', 'FI', 'Europe/Helsinki'), late, '2026-11-22T20:00:00Z');
    expect(board()).toContain(`due <!date^${epoch('2026-11-22T22:30:00Z')}^`);
    expect(board()).toContain('(2026-11-23 00:30 +02:00 Europe/Helsinki)');
    expect(board()).not.toContain('weekend/holiday relief: moved');
    // The reminder reads the same wall clock as the board: Helsinki's.
    await h!.advance(Date.parse('2026-11-22T22:30:00Z') - h!.clock.now().getTime());
    expect(h!.dmTexts('UBOB').filter((t) => t.includes('initial_notification')).at(-1)).toContain('(2026-11-23 00:30 +02:00 Europe/Helsinki): 0m left');
  });

  it('when only classified_major is recorded, then the board warns that the awareness backstop is unknown and the comms lead is asked once', async () => {
    const { h, board, channel } = await incidentWith(entity('Acme Pay SA', 'payment_institution', 'BE', 'Europe/Brussels'), ['clock classified_major 2026-11-22T08:00:00Z', 'regime add dora']);
    expect(board()).toContain(':warning: became_aware is not recorded: the PT24H backstop from became_aware is unknown');
    const asks = () => h.dmTexts('UBOB').filter((t) => t.includes('backstop'));
    expect(asks()).toEqual([expect.stringContaining('`became_aware` is not recorded, so its PT24H backstop from `became_aware` is unknown')]);
    expect(asks()[0]).toContain('<@UBOB>, when did it happen? Record it: `/incident clock became_aware &lt;time&gt;`');
    await h.say(channel, 'clock detected 2026-11-22T07:00:00Z', 'UBOB');
    await h.settle();
    expect(asks()).toHaveLength(1);
  });
});

describe('the board: US federal day counts', () => {
  it('when a HIPAA discovery is late in the evening Pacific, then the Pacific date counts and the board says so', async () => {
    const { board } = await incidentWith(entity('Acme Health Inc', 'other', 'US', 'America/Los_Angeles'), ['clock discovered 2026-11-21T22:30:00-08:00', 'regime add hipaa']);
    // 21 Nov (Pacific) + 60 days = end of 20 Jan; in New York it was already 22 Nov, a day later.
    expect(board()).toContain(`due <!date^${epoch('2027-01-21T07:59:59Z')}^`);
    expect(board()).toContain('(2027-01-20 23:59 -08:00 America/Los_Angeles)');
    expect(board()).toContain("event's date read in America/Los_Angeles");
  });
});

describe('the board: the new stages and clock events', () => {
  it('when the new events are recorded, then each new stage runs from its own event', async () => {
    const { board, replies } = await incidentWith(entity('Acme Pay SA', 'payment_institution', 'BE', 'Europe/Brussels'), [
      'clock became_aware 2026-11-22T08:00:00Z',
      'clock classified_major 2026-11-22T08:00:00Z',
      'clock discovered 2026-11-22T08:00:00Z',
      'clock suspected 2026-11-22T08:00:00Z',
      'clock information_available 2026-11-19T15:00:00Z',
      'clock authority_request 2026-11-22T08:30:00Z',
      'clock ransom_payment_known 2026-11-22T08:00:00Z',
      'regime add sec-8k',
      'regime add dora',
      'regime add nis2',
      'regime add uk-gdpr',
      'regime add us-tx',
      'regime add sg-pdpa',
      'regime add au-ransomware',
      'clock',
    ]);
    expect(replies.at(-1)).toContain('information_available, authority_request, new_information, ransom_payment_known');
    const b = board();
    expect(b).toContain(`*form_8k_a* → SEC (EDGAR, public), amendment\\n*open* · due <!date^${epoch('2026-11-25T22:30:00Z')}^`);
    expect(b).toContain('*clients* → clients whose financial interests are affected\\nNo fixed period');
    expect(b).toContain(`*trust_service_notification* → national CSIRT or competent authority\\n*open* · due <!date^${epoch('2026-11-23T08:00:00Z')}^`);
    expect(b).toContain('*intermediate_report* → national CSIRT or competent authority\\nNo fixed period: upon request');
    expect(b).toContain(`*payment_on_behalf_report* → ASD / designated Commonwealth body\\n*open* · due <!date^${epoch('2026-11-25T08:00:00Z')}^`);
    // Without a fixed legal period: the house SLA of 24 h, labelled as such.
    for (const stage of ['processor_to_controller', 'custodian_to_owner', 'intermediary_to_organisation']) {
      expect(b).toMatch(new RegExp(`\\*${stage}\\* → [^\\\\]*\\\\n\\*open\\* · due <!date\\^${epoch('2026-11-23T08:00:00Z')}\\^[^"]*internal target \\(house SLA, not law\\)`));
    }
  });
});

describe('an incident of one of several entities', () => {
  const two: WardenConfigInput = {
    company: {
      entities: [
        { name: 'Acme Bank SA', type: 'credit_institution', country: 'BE', timeZone: 'Europe/Brussels' },
        { name: 'Acme Pay SA', type: 'payment_institution', country: 'BE', timeZone: 'Europe/Brussels' },
      ],
    },
  };
  const sunday = ['clock became_aware 2026-11-22T08:00:00Z', 'clock classified_major 2026-11-22T08:00:00Z', 'regime add dora'];

  it('when none is chosen, then the board says the first is used and how to choose; an approver chooses the other and the deadline moves', async () => {
    const { h, channel, board } = await incidentWith(two, sunday);
    expect(board()).toContain(`due <!date^${epoch('2026-11-22T12:00:00Z')}^`);
    expect(board()).toContain(':warning: computed for Acme Bank SA, the first of company.entities; `/incident entity &lt;name&gt;` chooses another (Acme Bank SA, Acme Pay SA)');
    expect(await h.say(channel, 'entity', 'UBOB')).toContain('Deadlines of INC-2026-0001 are computed for *Acme Bank SA* (the first of company.entities)');

    expect(await h.say(channel, 'entity Acme Pay SA', 'UBOB')).toContain(':no_entry:');
    expect(await h.say(channel, 'entity Acme Insurance', 'ULEGAL01')).toContain('No entity named "Acme Insurance". Configured: Acme Bank SA, Acme Pay SA.');
    expect(await h.say(channel, 'entity acme pay sa', 'ULEGAL01')).toContain("INC-2026-0001's deadlines are now computed for *Acme Pay SA* (was Acme Bank SA)");
    await h.settle();
    expect(board()).toContain(`due <!date^${epoch('2026-11-23T11:00:00Z')}^`);
    expect(board()).toContain('for Acme Pay SA (payment_institution, BE)');
    expect(board()).not.toContain('the first of company.entities');
    const audit = h.warden.store.audit.forIncident('INC-2026-0001').filter((a) => a.action === 'clock.entity_chosen');
    expect(audit.map((a) => [a.actor, a.details.entity, a.details.previous])).toEqual([['ULEGAL01', 'Acme Pay SA', 'Acme Bank SA']]);
    expect(await h.say(channel, 'entity Acme Pay SA', 'ULEGAL01')).toContain('already computed for Acme Pay SA');
  });

  it('when only one entity is configured, then the board names it without a warning', async () => {
    const { board } = await incidentWith(entity('Acme Pay SA', 'payment_institution', 'BE', 'Europe/Brussels'), sunday);
    expect(board()).not.toContain('/incident entity');
  });
});
