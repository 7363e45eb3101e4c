// Test support: Warden with the clocks module on the shipped regime catalog and templates, plus helpers
// to read what Slack received (DMs, the board, the managers' channel).
import { parseConfig, type WardenConfigInput } from '../../../../../src/config/index.js';
import { clocksFeature } from '../../../../../src/features/notifications/index.js';
import { clockSettingsFrom, loadClockCatalog } from '../../../../../src/config/index.js';
import { replyText, startHarness } from '../../../../support/warden-harness.js';

export const HOUR = 3_600_000;
export const MIN = 60_000;

/**
 * Starts the harness with the clocks module. The managers' channel is created in the stand-in after it
 * starts, so the module's policy is pointed at it then (the settings object is the one the module reads).
 */
export async function startClockHarness(config: WardenConfigInput = {}, start?: string) {
  const parsed = parseConfig(config);
  const settings = clockSettingsFrom(parsed);
  const h = await startHarness({ config, features: [clocksFeature(loadClockCatalog(parsed), settings)], ...(start ? { start } : {}) });
  const managers = h.slack.addChannel('security-managers');
  settings.policy.managersChannel = managers.id;
  return {
    ...h,
    managersId: managers.id,
    /** Texts of the bot's DM with a person. */
    dmTexts(userId: string): string[] {
      const dm = h.slack.channels().find((c) => c.isIm && c.members.includes(userId));
      return dm ? h.slack.messages(dm.id).map((m) => m.text) : [];
    },
    /** The pinned board messages of a channel, as JSON text (blocks included). */
    board(channelId: string): string {
      return h.slack
        .messages(channelId)
        .filter((m) => m.text.startsWith('Legal clocks of'))
        .map((m) => JSON.stringify(m.blocks))
        .join('\n');
    },
    /** `/incident <text>` in a channel; resolves to the ephemeral reply's text. */
    async say(channel: string, text: string, user = 'UALICE'): Promise<string> {
      const res = await h.incident(text, { channel, user });
      return replyText(res.body);
    },
  };
}

export type ClockHarness = Awaited<ReturnType<typeof startClockHarness>>;

/** Waits (up to `ms`) for work a handler does after its ack, such as a reply on the response URL. */
export async function eventually<T>(read: () => T | undefined, ms = 2_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting for a handler to finish');
    await new Promise((r) => setTimeout(r, 10));
  }
}
