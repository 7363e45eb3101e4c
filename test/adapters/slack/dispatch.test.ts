import { App, type ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createDispatch, DuplicateListener } from '../../../src/adapters/slack/dispatch.js';

const newApp = () => new App({ token: 'xoxb-test', signingSecret: 'secret', botId: 'B1', botUserId: 'U1', deferInitialization: true, tokenVerificationEnabled: false });

/** Hands `body` to the App as its receiver would, and resolves once every listener has run. */
async function deliver(app: App, body: Record<string, unknown>): Promise<void> {
  const event: ReceiverEvent = { body, ack: async () => undefined };
  await app.init();
  await app.processEvent(event);
}

const click = (actionId: string) => ({
  type: 'block_actions', team: { id: 'T1' }, user: { id: 'UALICE' }, api_app_id: 'A1', token: 't', trigger_id: '1.2.3',
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', action_ts: '1.0' }],
});
const command = (name: string) => ({ command: name, text: '', user_id: 'UALICE', team_id: 'T1', channel_id: 'C1', trigger_id: '1.2.3', response_url: 'https://example.invalid/r' });

describe('one Bolt listener per kind of payload', () => {
  it('when two handlers claim one action id, callback id, command or event, then start-up fails naming it', () => {
    const on = createDispatch(newApp());
    on.action('incident.list_more', () => undefined);
    on.view('incident.declare', () => undefined);
    on.command('/incident', () => undefined);
    on.event('pin_added', () => undefined);
    expect(() => on.action('incident.list_more', () => undefined)).toThrow(DuplicateListener);
    expect(() => on.view('incident.declare', () => undefined)).toThrow(/view incident\.declare/);
    expect(() => on.command('/incident', () => undefined)).toThrow(/command \/incident/);
    expect(() => on.event('pin_added', () => undefined)).toThrow(/event pin_added/);
  });

  it('when a click or a command arrives, then only the handler of its id runs', async () => {
    const app = newApp();
    const on = createDispatch(app);
    const ran: string[] = [];
    for (const id of ['a.one', 'a.two']) on.action(id, () => void ran.push(id));
    for (const name of ['/incident', '/patch']) on.command(name, () => void ran.push(name));
    await deliver(app, click('a.two'));
    await deliver(app, command('/patch'));
    await deliver(app, click('not.ours'));
    expect(ran).toEqual(['a.two', '/patch']);
  });

  it('when many handlers are added, then Bolt holds one listener for each kind, not one for each id', () => {
    const app = newApp();
    const on = createDispatch(app);
    for (let i = 0; i < 10; i++) {
      on.action(`a.${i}`, () => undefined);
      on.view(`v.${i}`, () => undefined);
      on.event(`e_${i}`, () => undefined);
    }
    on.command('/incident', () => undefined);
    expect((app as unknown as { listeners: unknown[] }).listeners).toHaveLength(4);
  });
});
