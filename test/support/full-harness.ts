import { wardenFeatures } from '../../src/compose-features.js';
import { parseConfig, type WardenConfigInput } from '../../src/config/index.js';
import { startHarness, type HarnessOptions } from './warden-harness.js';

/** Warden with every module plugged in, as `warden start` builds it, and a managers' channel. */
export async function startFullHarness(config: WardenConfigInput = {}, opts: Pick<HarnessOptions, 'slack'> = {}) {
  const input = { ...config, channels: { managers: 'security-managers', ...config.channels } };
  const harness = await startHarness({ config: input, features: wardenFeatures(parseConfig(input)), ...opts });
  harness.slack.addChannel('security-managers', { botJoined: true }); // invited during setup, like announcements
  return harness;
}
