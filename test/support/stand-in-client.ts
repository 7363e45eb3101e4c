/** A real `@slack/web-api` client pointed at the stand-in, quiet unless a test asks for its logs. */
import { LogLevel, WebClient, type Logger, type RetryOptions } from '@slack/web-api';
import type { SlackStandIn } from './stand-ins/slack/index.js';

/** A logger that drops everything: Slack's client logs every refusal and retry. */
export function silentLogger(): Logger {
  let level = LogLevel.ERROR;
  const drop = (): void => undefined;
  return {
    debug: drop,
    info: drop,
    warn: drop,
    error: drop,
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: drop,
  };
}

export interface ClientOptions {
  /** The standIn's token by default; `null` sends none. */
  token?: string | null;
  retryConfig?: RetryOptions;
  rejectRateLimitedCalls?: boolean;
}

export function standInClient(standIn: SlackStandIn, opts: ClientOptions = {}): WebClient {
  const token = opts.token === null ? undefined : (opts.token ?? standIn.token);
  return new WebClient(token, {
    slackApiUrl: standIn.apiUrl,
    retryConfig: opts.retryConfig ?? { retries: 0 },
    rejectRateLimitedCalls: opts.rejectRateLimitedCalls ?? false,
    logger: silentLogger(),
  });
}

/** The Slack error code of a rejected call (`channel_not_found`), or the thrown value when it is not one. */
export async function slackError(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (typeof data?.error === 'string') return data.error;
    throw error;
  }
  throw new Error('expected the Slack call to be refused, but it succeeded');
}
