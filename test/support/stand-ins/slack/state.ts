import type { Clock } from '../../../../src/platform/clock.js';
import { BOT_USER_ID, type StandInUser } from './identity.js';
import type { StandInChannel, StandInEphemeral, StandInFile, StandInMessage, StandInView } from './types.js';

export interface NewChannel {
  isPrivate?: boolean;
  /** Defaults to the creator only. */
  members?: string[];
  creator?: string;
}

/** An upload between files.getUploadURLExternal and files.completeUploadExternal. */
export interface PendingUpload {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal; the upload must match it. */
  length: number;
  /** Set once the bytes were posted to the upload_url. */
  bytes: Buffer | null;
}

/** The workspace the stand-in pretends to be: users, channels, messages, views. Methods mutate it. */
export class StandInState {
  readonly users = new Map<string, StandInUser>();
  readonly channels = new Map<string, StandInChannel>();
  readonly messagesByChannel = new Map<string, StandInMessage[]>();
  readonly ephemerals: StandInEphemeral[] = [];
  readonly views = new Map<string, StandInView>();
  readonly usedTriggers = new Set<string>();
  /** User group id → member ids (`usergroups.users.list`). */
  readonly usergroups = new Map<string, string[]>();
  /** Uploads started by files.getUploadURLExternal, by file id, until completed. */
  readonly uploads = new Map<string, PendingUpload>();
  readonly files: StandInFile[] = [];
  private readonly counters = new Map<string, number>();
  private lastMicros = 0;

  constructor(
    readonly clock: Clock,
    users: Readonly<Record<string, StandInUser>>,
    /** The workspace's Enterprise Grid org, if it is in one. */
    readonly enterpriseId?: string,
  ) {
    for (const [id, user] of Object.entries(users)) this.users.set(id, { ...user });
  }

  nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  /** Slack-style message timestamp, unique and increasing: `1700000000.000100`. */
  nextTs(): string {
    const micros = Math.max(this.clock.now().getTime() * 1000, this.lastMicros) + 100;
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  /** `C00000001`, `D00000001`, `V00000001`: deterministic per stand-in. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(8, '0')}`;
  }

  addChannel(name: string, opts: NewChannel = {}): StandInChannel {
    const creator = opts.creator ?? BOT_USER_ID;
    const isPrivate = opts.isPrivate ?? false;
    const channel = this.storeChannel({
      // Since March 2021 Slack gives public and private channels alike a C id (G was the old private prefix).
      id: this.nextId('C'),
      name,
      isPrivate,
      isIm: false,
      isMpim: false,
      creator,
      members: opts.members ?? [creator],
    });
    return channel;
  }

  channelByName(name: string): StandInChannel | undefined {
    return [...this.channels.values()].find((c) => c.name === name && !c.isIm && !c.isMpim);
  }

  /** A channel by id; a user id resolves to the bot's DM with that user, as chat.postMessage does. */
  resolveChannel(idOrUser: string): StandInChannel | undefined {
    if (this.channels.has(idOrUser)) return this.channels.get(idOrUser);
    if (this.users.has(idOrUser)) return this.openDm([idOrUser]);
    // Like Slack, a public channel may also be named (`incidents` or `#incidents`) instead of given by id.
    const name = idOrUser.replace(/^#/, '');
    return [...this.channels.values()].find((c) => c.name === name && !c.isIm && !c.isMpim && !c.isPrivate);
  }

  /** The DM (one user) or group DM (several) with the bot; the same channel every time. */
  openDm(userIds: readonly string[]): StandInChannel {
    const members = [...new Set([BOT_USER_ID, ...userIds])].sort();
    const isIm = userIds.length === 1;
    const existing = [...this.channels.values()].find(
      (c) => (c.isIm || c.isMpim) && c.members.join(',') === members.join(','),
    );
    if (existing) return existing;
    return this.storeChannel({
      id: this.nextId(isIm ? 'D' : 'G'),
      name: '',
      isPrivate: true,
      isIm,
      isMpim: !isIm,
      creator: BOT_USER_ID,
      members,
      ...(isIm && userIds[0] !== undefined ? { user: userIds[0] } : {}),
    });
  }

  messages(channelId: string): StandInMessage[] {
    return this.messagesByChannel.get(channelId) ?? [];
  }

  findMessage(channelId: string, ts: string): StandInMessage | undefined {
    return this.messages(channelId).find((m) => m.ts === ts);
  }

  addMessage(message: StandInMessage): StandInMessage {
    const list = this.messagesByChannel.get(message.channel) ?? [];
    list.push(message);
    this.messagesByChannel.set(message.channel, list);
    return message;
  }

  removeMessage(channelId: string, ts: string): void {
    this.messagesByChannel.set(
      channelId,
      this.messages(channelId).filter((m) => m.ts !== ts),
    );
  }

  private storeChannel(
    base: Omit<StandInChannel, 'isArchived' | 'created' | 'topic' | 'purpose'>,
  ): StandInChannel {
    const empty = { value: '', creator: '', lastSet: 0 };
    const channel: StandInChannel = {
      ...base,
      isArchived: false,
      created: this.nowSeconds(),
      topic: { ...empty },
      purpose: { ...empty },
    };
    this.channels.set(channel.id, channel);
    return channel;
  }
}
