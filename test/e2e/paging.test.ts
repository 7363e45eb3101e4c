import { afterEach, describe, expect, it } from 'vitest';
import { plainTextValue, staticSelectValue } from '../support/slack-requests.js';
import { startPagingHarness, PAYMENTS_KEY, ROUTING_KEY, type PagingHarness } from '../features/paging/paging-harness.js';

let h: PagingHarness;
afterEach(async () => {
  await h.stop();
});

const MIN = 60_000;
const KEY = 'warden-INC-2026-0001-default';
const actions = () => h.pd.events().map((e) => [e.action, e.dedupKey]);

describe('pages that follow the incident', () => {
  it('when a sev1 is declared, then the default service is paged once with the incident, and the channel is told', async () => {
    h = await startPagingHarness();
    await h.say('declare sev1 Payments API returning 500s');
    await h.settle();
    const [event] = h.pd.events();
    expect(h.pd.events()).toHaveLength(1);
    expect(event).toMatchObject({ routingKey: ROUTING_KEY, action: 'trigger', dedupKey: KEY });
    expect(event?.body).toMatchObject({
      payload: { summary: '[INC-2026-0001 sev1] Payments API returning 500s', source: 'warden', severity: 'critical', group: 'INC-2026-0001' },
      links: [{ href: expect.stringContaining('app_redirect?channel=C'), text: 'Slack channel of INC-2026-0001' }],
    });
    expect(h.texts(h.incidentChannel())).toContain(':pager: Paged *default* on PagerDuty.');
    expect(h.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'paging.%'").all()).toEqual([{ action: 'paging.requested' }]);
  });

  it('when a sev1 is declared from a PagerDuty incident (the Declare button), then Warden does not page PagerDuty a second time', async () => {
    h = await startPagingHarness();
    const values = { title: { title: plainTextValue('Checkout latency high') }, severity: { severity: staticSelectValue('sev1') } };
    await h.submit({ callbackId: 'incident.declare', privateMetadata: JSON.stringify({ pagerDutyIncidentId: 'PINC001' }), values, userId: 'UALICE' });
    await h.settle();
    expect(h.warden.store.incidents.listOpen().map((i) => i.severity)).toEqual(['sev1']);
    expect(h.pd.events()).toEqual([]);
  });

  it('when a service lists a severity in its own pageOn, then declaring it pages that service too, each once', async () => {
    h = await startPagingHarness({ paging: { services: { payments: { routingKeyEnv: 'PD_KEY_PAYMENTS', pageOn: ['sev1'] } } } });
    await h.say('declare sev1 Card payments failing');
    await h.settle();
    expect(h.pd.events().map((e) => [e.routingKey, e.dedupKey]).sort()).toEqual([
      [ROUTING_KEY, 'warden-INC-2026-0001-default'],
      [PAYMENTS_KEY, 'warden-INC-2026-0001-payments'],
    ]);
  });

  it('when a sev3 is declared, then nobody is paged', async () => {
    h = await startPagingHarness();
    await h.say('declare sev3 Slow admin page');
    await h.settle();
    expect(h.pd.events()).toEqual([]);
  });

  it('when a drill is declared, then nobody is paged and the channel says what would have been', async () => {
    h = await startPagingHarness();
    await h.say('declare sev1 --drill Tabletop: ransomware');
    await h.settle();
    expect(h.pd.events()).toEqual([]);
    expect(h.texts(h.incidentChannel())).toContain(':performing_arts: Drill: Warden would have paged *default* now; nobody was paged.');
  });

  it('when a private incident pages, then its title stays in Slack', async () => {
    h = await startPagingHarness();
    await h.say('declare sev1 --private Payroll export leaked to a vendor');
    await h.settle();
    const body = JSON.stringify(h.pd.events()[0]?.body);
    expect(body).toContain('[INC-2026-0001 sev1] Private incident (details in its Slack channel)');
    expect(body).not.toContain('Payroll');
  });

  it('when the commander role changes hands, the incident resolves and reopens, then PagerDuty acknowledges, resolves and is triggered again', async () => {
    h = await startPagingHarness();
    await h.say('declare sev1 Checkout down');
    await h.settle();
    const channel = h.incidentChannel();
    await h.say('role commander <@UBOB|bob>', 'UALICE', channel);
    await h.settle();
    await h.say('resolve', 'UBOB', channel);
    await h.settle();
    await h.say('status investigating', 'UBOB', channel);
    await h.settle();
    expect(actions()).toEqual([['trigger', KEY], ['acknowledge', KEY], ['resolve', KEY], ['trigger', KEY]]);
  });
});

describe('changes while PagerDuty is answering', () => {
  it('when the commander takes the role while the trigger is still on its way, then the acknowledge still follows it', async () => {
    h = await startPagingHarness();
    await h.say('declare sev3 Checkout slow');
    await h.settle();
    const channel = h.incidentChannel();
    h.pd.delay(400); // PagerDuty holds every answer: the trigger is in flight while the role changes
    await h.say('page', 'UALICE', channel);
    await new Promise((r) => setTimeout(r, 100));
    await h.say('role commander <@UBOB|bob>', 'UALICE', channel);
    await h.settle();
    await h.settle();
    expect(actions()).toEqual([['trigger', KEY], ['acknowledge', KEY]]);
  });
});

describe('/incident page and /incident oncall', () => {
  it('when a responder pages another service with a message, then it is paged once; asking again sends nothing new', async () => {
    h = await startPagingHarness();
    await h.say('declare sev3 Card payments failing');
    await h.settle();
    const channel = h.incidentChannel();
    expect(await h.say('page payments Card auth errors since 09:02', 'UBOB', channel)).toContain(':pager: Paging *payments* for INC-2026-0001.');
    await h.settle();
    expect(await h.say('page payments again please', 'UBOB', channel)).toContain('*payments* is already paged for INC-2026-0001 (triggered)');
    await h.settle();
    expect(h.pd.events().map((e) => [e.routingKey, e.dedupKey, (e.body.payload as { summary: string }).summary])).toEqual([
      [PAYMENTS_KEY, 'warden-INC-2026-0001-payments', '[INC-2026-0001 sev3] Card payments failing: Card auth errors since 09:02'],
    ]);
  });

  it('when the input is bad, then a clear error and nothing is paged', async () => {
    h = await startPagingHarness();
    await h.say('declare sev3 Card payments failing');
    await h.settle();
    expect(await h.say('page payments x')).toContain('works inside an incident channel');
    expect(await h.say(`page payments ${'x'.repeat(600)}`, 'UALICE', h.incidentChannel())).toContain('keep it under 500');
    expect(await h.say('oncall nosuch')).toContain('No PagerDuty service `nosuch`. Configured: default, payments');
    expect(await h.say('oncall payments')).toContain("needs PAGERDUTY_TOKEN and the service's REST id");
    await h.settle();
    expect(h.pd.events()).toEqual([]);
  });

  it('when someone asks who is on call, then PagerDuty names them, as Slack users where their email matches', async () => {
    h = await startPagingHarness();
    h.slack.addUser('UADA0001', { name: 'ada', tz: 'UTC', email: 'ada@example.com' });
    const answer = await h.say('oncall');
    expect(answer).toContain('*On call for default*');
    expect(answer).toContain('level 1: <@UADA0001> (Primary)');
    expect(answer).toContain('level 2: Grace Hopper');
    expect(h.pd.calls().map((c) => [c.method, c.path, c.auth])).toContainEqual(['GET', '/services/PSVC001', 'valid']);
  });
});

describe('when PagerDuty is down', () => {
  it('when three incidents are declared during a ten-minute outage, then each channel is told once, the commanders are told to phone, and each page goes out once afterwards', async () => {
    h = await startPagingHarness();
    await h.pd.down();
    for (const title of ['Checkout down', 'Login down', 'Search down']) await h.say(`declare sev1 ${title}`);
    await h.settle();
    for (let minute = 0; minute < 10; minute++) await h.advance(MIN);
    const channels = h.warden.store.incidents.listOpen().map((i) => i.channelId as string);
    for (const channel of channels) {
      const texts = h.texts(channel);
      expect(texts.filter((t) => t.startsWith(':warning: PagerDuty cannot be reached right now.'))).toHaveLength(1);
      expect(texts.filter((t) => t.includes('Page the on-call by phone now'))).toHaveLength(1);
    }
    expect(h.pd.events()).toEqual([]);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200); // incidents still run without PagerDuty
    expect(((await ready.json()) as { checks: Record<string, unknown> }).checks.pagerDutyCircuit).toBe('open');
    await h.pd.up();
    await new Promise((r) => setTimeout(r, 120)); // the PagerDuty circuit half-opens after 50 ms here
    await h.advance(10 * MIN);
    await h.advance(10 * MIN);
    expect(h.pd.events().map((e) => e.dedupKey).sort()).toEqual(['warden-INC-2026-0001-default', 'warden-INC-2026-0002-default', 'warden-INC-2026-0003-default']);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it('when Warden restarts with a page still queued, then it goes out once after the restart', async () => {
    h = await startPagingHarness();
    await h.pd.down();
    await h.say('declare sev1 Checkout down');
    await h.settle();
    await h.restart();
    await h.pd.up();
    await new Promise((r) => setTimeout(r, 120));
    await h.advance(10 * MIN);
    await h.advance(10 * MIN);
    expect(actions()).toEqual([['trigger', KEY]]);
  });

  it('when PagerDuty answers 429, then the page waits Retry-After and goes out once', async () => {
    h = await startPagingHarness();
    h.pd.rateLimitNext('/v2/enqueue', 30);
    await h.say('declare sev1 Checkout down');
    await h.settle();
    expect(h.pd.events()).toEqual([]);
    await h.advance(31_000);
    expect(actions()).toEqual([['trigger', KEY]]);
  });
});
