import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/platform/clock.js';
import { startSlackStandIn, type SlackStandIn } from '../../slack-stand-in.js';
import { slackError, standInClient } from '../../stand-in-client.js';

let standIn: SlackStandIn;
let client: WebClient;
let channel: string;
const clock = new ManualClock('2023-11-14T22:13:20Z');

beforeAll(async () => {
  standIn = await startSlackStandIn({ clock });
  client = standInClient(standIn);
});
afterAll(() => standIn.stop());
beforeEach(async () => {
  standIn.reset();
  const created = await client.conversations.create({ name: 'inc-20231114-db' });
  channel = created.channel!.id!;
});

const post = (url: string, body: string) => fetch(url, { method: 'POST', body });

async function uploadUrl(filename: string, length: number): Promise<{ url: string; id: string }> {
  const res = await client.files.getUploadURLExternal({ filename, length });
  return { url: res.upload_url!, id: res.file_id! };
}

describe('Slack stand-in: file uploads (files.getUploadURLExternal, the upload_url, files.completeUploadExternal)', () => {
  it('when WebClient.filesUploadV2 shares a file in a channel the bot is in, then the file, its content and the sharing message are kept', async () => {
    const content = '# Review\n\nÉtat: résolu ✓\n';
    const res = await client.filesUploadV2({ channel_id: channel, content, filename: 'INC-1-review.md', title: 'Post-incident review: INC-1', initial_comment: 'The draft' });
    expect(res.ok).toBe(true);
    const [file] = standIn.files(channel);
    expect(file).toMatchObject({ filename: 'INC-1-review.md', title: 'Post-incident review: INC-1', channelId: channel, content, initialComment: 'The draft' });
    expect(file!.id).toMatch(/^F\d{8}$/);
    const [message] = standIn.messages(channel);
    expect(message).toMatchObject({ text: 'The draft', bot_id: 'B0WARDEN', files: [{ id: file!.id, title: 'Post-incident review: INC-1', name: 'INC-1-review.md' }] });
    expect(standIn.calls().map((c) => c.method)).toContain('upload_url');
  });

  it('when the upload URL is asked for, then it points at the stand-in itself and names a fresh file id', async () => {
    const a = await uploadUrl('a.md', 3);
    const b = await uploadUrl('b.md', 3);
    expect(a.url.startsWith(`${standIn.url}/upload/v1/`)).toBe(true);
    expect(a.id).not.toBe(b.id);
  });

  it('when the filename or the length is missing or no whole positive number, then it answers invalid_arguments', async () => {
    expect(await slackError(client.apiCall('files.getUploadURLExternal', { length: 3 }))).toBe('invalid_arguments');
    expect(await slackError(client.apiCall('files.getUploadURLExternal', { filename: 'a.md' }))).toBe('invalid_arguments');
    expect(await slackError(client.apiCall('files.getUploadURLExternal', { filename: 'a.md', length: 0 }))).toBe('invalid_arguments');
    expect(await slackError(client.apiCall('files.getUploadURLExternal', { filename: 'a.md', length: 'ten' }))).toBe('invalid_arguments');
  });

  it('when the uploaded bytes are not the announced length, then the upload is refused with a non-200 and the file cannot be completed', async () => {
    const { url, id } = await uploadUrl('a.md', 5);
    const res = await post(url, 'four');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/announced 5 bytes, got 4/);
    expect(await slackError(client.files.completeUploadExternal({ files: [{ id }], channel_id: channel }))).toBe('file_not_found');
  });

  it('when bytes go to an upload URL nobody asked for, or twice to the same one, then it answers 404', async () => {
    expect((await post(`${standIn.url}/upload/v1/F99999999`, 'x')).status).toBe(404);
    const { url } = await uploadUrl('a.md', 1);
    expect((await post(url, 'x')).status).toBe(200);
    expect((await post(url, 'x')).status).toBe(404);
  });

  it('when a raw-bytes upload is completed without a channel, then the file is kept private (no channel, no message)', async () => {
    const { url, id } = await uploadUrl('a.md', 2);
    expect((await post(url, 'hi')).status).toBe(200);
    const res = await client.files.completeUploadExternal({ files: [{ id, title: 'A' }] });
    expect(res.files).toEqual([{ id, name: 'a.md', title: 'A' }]);
    expect(standIn.files()).toMatchObject([{ id, channelId: null, content: 'hi' }]);
    expect(standIn.messages(channel)).toEqual([]);
  });

  it('when completion names an unknown file id, or one whose bytes never arrived, then it answers file_not_found and shares nothing', async () => {
    expect(await slackError(client.files.completeUploadExternal({ files: [{ id: 'F404' }], channel_id: channel }))).toBe('file_not_found');
    const { id } = await uploadUrl('a.md', 2);
    expect(await slackError(client.files.completeUploadExternal({ files: [{ id }], channel_id: channel }))).toBe('file_not_found');
    expect(standIn.files()).toEqual([]);
  });

  it('when the bot is not in the channel, then completion answers not_in_channel and the upload can still be shared elsewhere', async () => {
    const outside = standIn.addChannel('elsewhere', { botJoined: false });
    const { url, id } = await uploadUrl('a.md', 2);
    await post(url, 'hi');
    expect(await slackError(client.files.completeUploadExternal({ files: [{ id }], channel_id: outside.id }))).toBe('not_in_channel');
    expect(standIn.files()).toEqual([]);
    await client.files.completeUploadExternal({ files: [{ id }], channel_id: channel });
    expect(standIn.files(channel)).toHaveLength(1);
  });

  it('when a file is completed once, then completing it again answers file_not_found', async () => {
    const { url, id } = await uploadUrl('a.md', 2);
    await post(url, 'hi');
    await client.files.completeUploadExternal({ files: [{ id }], channel_id: channel });
    expect(await slackError(client.files.completeUploadExternal({ files: [{ id }], channel_id: channel }))).toBe('file_not_found');
  });
});
