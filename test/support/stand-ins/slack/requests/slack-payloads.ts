/**
 * Payloads shaped like the ones Slack sends: slash commands (form fields), block actions and view submissions
 * (the JSON inside `payload=`), and `view.state.values` entries. The ids match the stand-in's workspace.
 */
import { APP_ID, TEAM_DOMAIN, TEAM_ID, makeTriggerId } from '../identity.js';
import { slackEscape } from '../slack-escape.js';

export { slackEscape };

/** Slack's legacy verification token; Bolt ignores it but real payloads carry one. */
export const VERIFICATION_TOKEN = 'stand-in-verification-token';

/** A response_url nobody listens on: pass `standIn.responseUrl(id)` when the app is expected to answer there. */
export const UNROUTED_RESPONSE_URL = 'http://127.0.0.1:9/response/unrouted';

export interface SlashCommand {
  command: string;
  /** What the person typed; `<@U…>` and `<#C…>` stand for mentions Slack completed. Sent escaped as Slack does. */
  text: string;
  /** `text` is already in Slack's wire format (escaped, with Slack's own tokens such as `<!here>`): sent as is. */
  wireText?: boolean;
  userId: string;
  channelId: string;
  channelName?: string;
  userName?: string;
  triggerId?: string;
  responseUrl?: string;
}

export function slashCommandFields(c: SlashCommand): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    team_domain: TEAM_DOMAIN,
    channel_id: c.channelId,
    channel_name: c.channelName ?? 'general',
    user_id: c.userId,
    user_name: c.userName ?? c.userId.toLowerCase(),
    command: c.command.startsWith('/') ? c.command : `/${c.command}`,
    text: c.wireText ? c.text : slackEscape(c.text),
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: c.responseUrl ?? UNROUTED_RESPONSE_URL,
    trigger_id: c.triggerId ?? makeTriggerId(c.userId),
  };
}

const team = { id: TEAM_ID, domain: TEAM_DOMAIN };
const userOf = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM_ID });
const nowTs = (): string => `${(Date.now() / 1000).toFixed(6)}`;

export interface BlockAction {
  actionId: string;
  value: string;
  userId: string;
  channelId: string;
  messageTs: string;
  triggerId?: string;
  blockId?: string;
  responseUrl?: string;
  /** `button` by default; `static_select` sends `selected_option` with `value`. */
  actionType?: 'button' | 'static_select';
  /** The clicked message as Slack would echo it (e.g. from `standIn.messages(...)`). */
  message?: Record<string, unknown>;
}

export function blockActionPayload(a: BlockAction): Record<string, unknown> {
  const option = { text: { type: 'plain_text', text: a.value }, value: a.value };
  const action = a.actionType === 'static_select'
    ? { type: 'static_select', action_id: a.actionId, block_id: a.blockId ?? 'actions', selected_option: option }
    : { type: 'button', action_id: a.actionId, block_id: a.blockId ?? 'actions', value: a.value, text: option.text };
  return {
    type: 'block_actions',
    user: userOf(a.userId),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: a.messageTs, channel_id: a.channelId, is_ephemeral: false },
    trigger_id: a.triggerId ?? makeTriggerId(a.userId),
    team,
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: a.channelId, name: 'channel' },
    message: a.message ?? { type: 'message', ts: a.messageTs, text: '' },
    state: { values: {} },
    response_url: a.responseUrl ?? UNROUTED_RESPONSE_URL,
    actions: [{ ...action, action_ts: nowTs() }],
  };
}

/** One input's value inside `view.state.values[blockId][actionId]`. */
export type InputValue = Record<string, unknown> & { type: string };
export type ViewStateValues = Record<string, Record<string, InputValue>>;

export const plainTextValue = (value: string | null): InputValue => ({ type: 'plain_text_input', value });
export const staticSelectValue = (value: string | null, text = value ?? ''): InputValue => ({
  type: 'static_select',
  selected_option: value === null ? null : { text: { type: 'plain_text', text, emoji: true }, value },
});
export const usersSelectValue = (userId: string | null): InputValue => ({ type: 'users_select', selected_user: userId });
/** `epochSeconds` is what Slack sends for a datetimepicker (seconds since the epoch, UTC). */
export const datetimeValue = (epochSeconds: number | null): InputValue => ({
  type: 'datetimepicker',
  selected_date_time: epochSeconds,
});

export interface ViewSubmission {
  callbackId: string;
  privateMetadata: string;
  values: ViewStateValues;
  userId: string;
  viewId?: string;
  triggerId?: string;
}

export function viewSubmissionPayload(s: ViewSubmission): Record<string, unknown> {
  const viewId = s.viewId ?? 'V0SUBMIT';
  return {
    type: 'view_submission',
    team,
    user: userOf(s.userId),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: s.triggerId ?? makeTriggerId(s.userId),
    view: {
      id: viewId,
      team_id: TEAM_ID,
      type: 'modal',
      blocks: [],
      private_metadata: s.privateMetadata,
      callback_id: s.callbackId,
      state: { values: s.values },
      hash: '1700000000.stand1n0',
      title: { type: 'plain_text', text: 'Warden' },
      close: null,
      submit: { type: 'plain_text', text: 'Submit' },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: APP_ID,
      external_id: '',
      app_installed_team_id: TEAM_ID,
      bot_id: 'B0WARDEN',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
