import { wardenFeatures } from '../../src/compose-features.js';
import { parseConfig, type WardenConfigInput } from '../../src/config/index.js';
import { startHarness, type HarnessOptions } from './warden-harness.js';

/**
 * Warden with every module plugged in, as `warden start` builds it, and a managers' channel. No digest unless the
 * test configures some (left out, warden.yaml posts one to the managers' channel every weekday at 09:00), and no
 * scheduled backup unless the test configures `backups` (left out, warden.yaml backs up every hour).
 */
export async function startFullHarness(config: WardenConfigInput = {}, opts: Pick<HarnessOptions, 'slack' | 'start'> = {}) {
  const input = { digests: [], backups: { every: 'off' as const }, ...config, channels: { managers: 'security-managers', ...config.channels } };
  const harness = await startHarness({ config: input, features: wardenFeatures(parseConfig(input)), ...opts });
  harness.slack.addChannel('security-managers', { botJoined: true }); // invited during setup, like announcements
  return harness;
}
