/** The local Slack Web API stand-in used by tests and `warden demo`. */
export { startSlackStandIn, SlackStandIn } from './server.js';
export type { SeedChannel, SlackStandInOptions } from './options.js';
export { renderTranscript, type TranscriptOptions, type TranscriptSource } from './transcript.js';
export {
  BLOCK_KIT_LIMITS, BLOCK_TYPES, checkMessageBlocks, checkView, formatViolation, type BlockKitViolation,
} from './block-kit-limits.js';
export { channelNameError, CHANNEL_NAME_MAX, TOPIC_MAX } from './methods-conversations.js';
export { SUPPORTED_METHODS } from './methods.js';
export { RESPONSE_URL_USES, type ResponseUrlContext } from './response-url.js';
export * from './identity.js';
export type * from './types.js';
