/**
 * files.getUploadURLExternal and files.completeUploadExternal, the two methods around an upload to the
 * upload_url (served by the stand-in itself, see `acceptUpload`). This is the flow WebClient's
 * `filesUploadV2` helper drives: get a URL and a file id, POST the bytes there, complete with a channel.
 */
import { z } from 'zod';
import { botAuthor, fail, memberChannel, ok, parseArgs, stringish, type MethodHandler } from './method-kit.js';
import type { StandInState } from './state.js';
import type { StandInFile } from './types.js';

/** The upload_url path of a file id on the stand-in's own server. */
export const uploadPath = (fileId: string): string => `/upload/v1/${encodeURIComponent(fileId)}`;

const UploadUrlArgs = z.object({
  filename: z.string().min(1, 'filename is required'),
  length: stringish.pipe(z.string().regex(/^\d+$/, 'length must be a whole number of bytes')).transform(Number).pipe(z.number().positive('length must be at least 1 byte')),
  alt_txt: z.string().optional(),
  alt_text: z.string().optional(),
  snippet_type: z.string().optional(),
});

const getUploadUrl: MethodHandler = ({ state, baseUrl }, args) => {
  const parsed = parseArgs(UploadUrlArgs, args);
  if (!parsed.ok) return parsed.result;
  const id = state.nextId('F');
  state.uploads.set(id, { id, filename: parsed.value.filename, length: parsed.value.length, bytes: null });
  return ok({ upload_url: `${baseUrl}${uploadPath(id)}`, file_id: id });
};

const CompleteArgs = z.object({
  files: z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1, 'at least one file is required'),
  channel_id: z.string().optional(),
  initial_comment: z.string().optional(),
  thread_ts: stringish.optional(),
});

const completeUpload: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(CompleteArgs, args);
  if (!parsed.ok) return parsed.result;
  const { files, channel_id: channelId, initial_comment: comment } = parsed.value;
  // An id never handed out, already completed, or whose bytes never arrived: Slack has no such file to share.
  const uploads = files.map((f) => state.uploads.get(f.id));
  if (uploads.some((u) => !u?.bytes)) return fail('file_not_found');
  const channel = channelId === undefined ? null : memberChannel(state, channelId);
  if (channel && !channel.ok) return channel.result;
  const ts = channel ? state.nextTs() : null;
  const shared: StandInFile[] = files.map((f, i) => {
    const upload = uploads[i]!;
    state.uploads.delete(upload.id);
    return { id: upload.id, filename: upload.filename, title: f.title ?? upload.filename, channelId: channel?.value.id ?? null, content: upload.bytes!.toString('utf8'), initialComment: comment ?? null, ts };
  });
  state.files.push(...shared);
  if (channel && ts) {
    const refs = shared.map((f) => ({ id: f.id, title: f.title, name: f.filename }));
    state.addMessage({ channel: channel.value.id, ts, text: comment ?? '', ...botAuthor, pinned: false, reactions: [], files: refs });
  }
  return ok({ files: shared.map((f) => ({ id: f.id, name: f.filename, title: f.title, ...(f.channelId ? { channels: [f.channelId] } : {}) })) });
};

export type UploadAnswer = { status: number; text: string };

/**
 * The upload_url: stores the bytes, raw or as the first file of a multipart form (both are what Slack takes).
 * Like Slack it answers 200 when the upload is accepted and anything else when not: an unknown or already
 * used file id, or a body whose length is not the one announced to files.getUploadURLExternal.
 */
export async function acceptUpload(state: StandInState, fileId: string, contentType: string | undefined, body: Buffer): Promise<UploadAnswer> {
  const upload = state.uploads.get(fileId);
  if (!upload || upload.bytes) return { status: 404, text: 'unknown or used upload' };
  const bytes = await fileBytes(contentType, body);
  if (!bytes) return { status: 400, text: 'no file in the upload' };
  if (bytes.length !== upload.length) return { status: 400, text: `length mismatch: announced ${upload.length} bytes, got ${bytes.length}` };
  upload.bytes = bytes;
  return { status: 200, text: `OK - ${bytes.length}` };
}

async function fileBytes(contentType: string | undefined, body: Buffer): Promise<Buffer | null> {
  if (!(contentType ?? '').toLowerCase().startsWith('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType ?? '' } }).formData();
  for (const [, value] of form) if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  return null;
}

/** Where the stand-in serves a file's bytes (`url_private_download`); only with the bot token, like Slack. */
export const downloadPath = (fileId: string, name: string): string => `/files-pri/${encodeURIComponent(fileId)}/download/${encodeURIComponent(name)}`;

/**
 * files.info: a file shared in a channel the bot is in (anything else is `file_not_found`, as Slack answers a
 * bot that cannot see the file), with its size and `url_private_download` on the stand-in's own server.
 */
const fileInfo: MethodHandler = ({ state, baseUrl }, args) => {
  const parsed = parseArgs(z.object({ file: z.string().min(1, 'file is required') }), args);
  if (!parsed.ok) return parsed.result;
  const file = state.files.find((f) => f.id === parsed.value.file);
  const channel = file?.channelId ? memberChannel(state, file.channelId) : null;
  if (!file || !channel?.ok) return fail('file_not_found');
  const url = `${baseUrl}${downloadPath(file.id, file.filename)}`;
  return ok({ file: { id: file.id, name: file.filename, title: file.title, size: Buffer.byteLength(file.content, 'utf8'), channels: [file.channelId], url_private: url, url_private_download: url } });
};

export const FILE_METHODS: Readonly<Record<string, MethodHandler>> = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
  'files.info': fileInfo,
};
