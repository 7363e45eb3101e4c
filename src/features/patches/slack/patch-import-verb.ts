/**
 * `/patch import <link to a file shared in Slack> --owner @person [--asset NAME]`. A slash command carries no
 * file, so the report is one shared in a channel the bot is in: its link (or id) names it, `files.info` (scope
 * `files:read`) gives its `url_private_download`, fetched with the bot token; then the same import as the CLI.
 */
import { WardenError } from '../../../platform/errors.js';
import { afterAck, reply, type AfterAck, type Verb } from '../../../adapters/slack/commands/registry.js';
import { parseUserRef } from '../../../adapters/slack/commands/args.js';
import { escapeMrkdwn } from '../../../adapters/slack/escape.js';
import type { PatchDeps } from '../app/deps.js';
import { importLine, importReport } from '../app/import-report.js';
import { MAX_REPORT_BYTES } from '../domain/import/report-json.js';
import { parseScanReport } from '../domain/import/parse-scan-report.js';

type SlackClient = Parameters<AfterAck['run']>[0];

const USAGE = '/patch import <link to a report shared in a channel Warden is in> --owner @person [--asset NAME]';
/** A Slack file id, alone or inside a file link (`…/files/U…/F0123ABCD/report.json`). */
const FILE_ID = /(?:^|[/<|\s])(F[A-Z0-9]{6,})(?=$|[/>|\s])/;

interface ImportArgs {
  fileId: string;
  owner: string | null;
  asset: string | null;
}

function parseImportArgs(text: string): ImportArgs {
  const words = text.split(/\s+/).filter(Boolean);
  const flag = (name: string): string | null => {
    const at = words.indexOf(name);
    if (at === -1) return null;
    const value = words[at + 1];
    if (!value) throw new WardenError('bad_input', `\`${name}\` takes a value. Usage: \`${USAGE}\``);
    words.splice(at, 2);
    return value;
  };
  const owner = flag('--owner');
  const asset = flag('--asset');
  const fileId = FILE_ID.exec(words.join(' '))?.[1];
  if (!fileId || words.length !== 1) throw new WardenError('bad_input', `Share the report in a channel Warden is in, then give its link (More actions › Copy link). Usage: \`${USAGE}\``);
  return { fileId, owner: owner === null ? null : parseUserRef(owner, USAGE), asset };
}

/** How long a report download may take before the import gives up (the answer says so). */
const DOWNLOAD_TIMEOUT_MS = 30_000;

/**
 * The bot token goes only to Slack: an https address on slack.com (or its subdomains, files.slack.com), or the
 * host of the Web API Warden is configured with (`SLACK_API_URL`, a stand-in in tests).
 */
export function mayCarryBotToken(url: string, apiUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const host = target.hostname;
  if (target.protocol === 'https:' && (host === 'slack.com' || host.endsWith('.slack.com'))) return true;
  try {
    return host === new URL(apiUrl).hostname && target.protocol === new URL(apiUrl).protocol;
  } catch {
    return false;
  }
}

/** The report's text, read as the bot. @throws WardenError for a file the bot cannot see, too big, or a sign-in page instead of the bytes. */
async function download(slack: SlackClient, fileId: string): Promise<{ name: string; text: string }> {
  const info = await slack.files.info({ file: fileId }).catch(() => null);
  const file = info?.file;
  if (!file?.url_private_download) throw new WardenError('not_found', `Warden cannot see the file ${fileId}: share it in a channel Warden is in (invite @warden there), then try again.`);
  if ((file.size ?? 0) > MAX_REPORT_BYTES) throw new WardenError('bad_input', `The file is ${file.size} bytes; Warden reads reports up to 50 MB.`);
  if (!mayCarryBotToken(file.url_private_download, slack.slackApiUrl)) throw new WardenError('upstream_failed', 'Slack gave a download address outside Slack; Warden does not send its token there, and nothing was imported.');
  const res = await fetch(file.url_private_download, { headers: { Authorization: `Bearer ${slack.token ?? ''}` }, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch((error: unknown) => {
    throw new WardenError('upstream_failed', `The download from Slack failed (${error instanceof Error && error.name === 'TimeoutError' ? 'no answer in 30 s' : 'network error'}); nothing was imported.`);
  });
  if (!res.ok || (res.headers.get('content-type') ?? '').startsWith('text/html')) throw new WardenError('upstream_failed', 'Slack did not hand over the file (it answered with a sign-in page or an error); nothing was imported.');
  return { name: file.name ?? fileId, text: await res.text() };
}

/** `/patch import`: parse in the ack, download and import after it; the answer comes through the response_url. */
export function importVerb(deps: PatchDeps): Verb {
  return {
    name: 'import',
    help: { usage: 'import <link to a shared report> --owner @person [--asset NAME]', summary: 'import a scanner report (npm audit, Trivy, SARIF, OSV-Scanner) shared in Slack (managers)', inChannel: false },
    run(ctx) {
      const args = parseImportArgs(ctx.args);
      if (!args.owner) throw new WardenError('bad_input', `An imported finding needs an owner: add --owner @person. Usage: \`${USAGE}\``);
      return afterAck(async (slack) => {
        const file = await download(slack, args.fileId);
        const result = importReport(deps, parseScanReport(file.text), { owner: args.owner, asset: args.asset, by: ctx.userId });
        const gone = result.gone.map((g) => `• ${escapeMrkdwn(g.id)} on ${escapeMrkdwn(g.asset)}`);
        return reply([`Imported ${escapeMrkdwn(file.name)} (${result.format}): ${importLine(result)}.`, ...(gone.length ? ['No longer reported (close them if fixed, with `/patch done <id> <evidence>`):', ...gone.slice(0, 50)] : [])].join('\n'));
      });
    },
  };
}
