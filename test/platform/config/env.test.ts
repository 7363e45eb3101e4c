import { describe, expect, it } from 'vitest';
import { checkEnv, loadEnv, requireSlackCredentials, secretValues } from '../../../src/platform/config/env.js';
import type { ReadSecretFile } from '../../../src/platform/config/env-secrets.js';
import { errorOf } from '../../support/error-of.js';

const BOT = 'xoxb-fake-1111-2222-botsecretvalue';
const APP = 'xapp-1-fake-A111-333-appsecretvalue';
const SIGNING = '8f742231b10e8888abcd99yyyzzz85a5';

/** Secret files for `NAME_FILE`; other paths fail with ENOENT. */
function secretFiles(files: Record<string, string>): ReadSecretFile {
  return (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    return text;
  };
}
const noFiles = secretFiles({});

describe('loadEnv', () => {
  it('when nothing is set, then it applies the documented defaults and no secrets', () => {
    const env = loadEnv({}, noFiles);
    expect(env).toEqual({
      slack: { botToken: undefined, signingSecret: undefined, appToken: undefined, apiUrl: 'https://slack.com/api/' },
      pagerDuty: {
        token: undefined,
        routingKey: undefined,
        apiUrl: 'https://api.pagerduty.com',
        eventsUrl: 'https://events.pagerduty.com',
        webhookSecrets: [],
      },
      dbPath: './data/warden.db',
      audit: { checkpointsPath: 'data/audit-checkpoints.jsonl' },
      configPath: undefined,
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      metrics: {},
      timeZone: undefined,
    });
  });

  it('reads every variable it knows', () => {
    const env = loadEnv(
      {
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SIGNING,
        SLACK_APP_TOKEN: APP,
        SLACK_API_URL: 'http://127.0.0.1:4010/api/',
        PAGERDUTY_TOKEN: 'y_NbAkKc66ryYTWUXYEu',
        PAGERDUTY_ROUTING_KEY: 'R0123456789abcdef0123456789abcde',
        PAGERDUTY_WEBHOOK_SECRET: 'whsec-pd',
        PAGERDUTY_API_URL: 'http://127.0.0.1:4020',
        PAGERDUTY_EVENTS_URL: 'http://127.0.0.1:4021',
        WARDEN_DB: '/var/lib/warden/w.db',
        WARDEN_CONFIG: '/etc/warden/warden.yaml',
        PORT: '8080',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'debug',
        TZ: 'Europe/Paris',
      },
      noFiles,
    );
    expect(env.slack).toEqual({ botToken: BOT, signingSecret: SIGNING, appToken: APP, apiUrl: 'http://127.0.0.1:4010/api/' });
    expect(env.pagerDuty.routingKey).toBe('R0123456789abcdef0123456789abcde');
    expect(env).toMatchObject({ dbPath: '/var/lib/warden/w.db', configPath: '/etc/warden/warden.yaml', port: 8080, host: '127.0.0.1', logLevel: 'debug', timeZone: 'Europe/Paris' });
    expect(secretValues(env)).toEqual([BOT, SIGNING, APP, 'y_NbAkKc66ryYTWUXYEu', 'R0123456789abcdef0123456789abcde', 'whsec-pd']);
  });

  it('when a secret is given as NAME_FILE, then it reads the file and trims it', () => {
    const env = loadEnv({ SLACK_BOT_TOKEN_FILE: '/run/secrets/bot' }, secretFiles({ '/run/secrets/bot': `${BOT}\n` }));
    expect(env.slack.botToken).toBe(BOT);
  });

  it('when PAGERDUTY_CA_FILE names a PEM file, then its certificate is what PagerDuty requests trust', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(loadEnv({ PAGERDUTY_CA_FILE: '/etc/ssl/proxy.pem' }, secretFiles({ '/etc/ssl/proxy.pem': pem })).pagerDuty.ca).toBe(pem);
    expect(loadEnv({}, noFiles).pagerDuty.ca).toBeUndefined();
  });

  it('when PAGERDUTY_CA_FILE cannot be read or holds no certificate, then the problem names the path', () => {
    expect(errorOf(() => loadEnv({ PAGERDUTY_CA_FILE: '/nope.pem' }, noFiles)).message).toContain('PAGERDUTY_CA_FILE: cannot read /nope.pem (ENOENT)');
    const e = errorOf(() => loadEnv({ PAGERDUTY_CA_FILE: '/x.pem' }, secretFiles({ '/x.pem': 'not a cert' })));
    expect(e.message).toContain('PAGERDUTY_CA_FILE: /x.pem holds no PEM certificate');
  });

  it('when a variable is set but empty, then it counts as unset', () => {
    const env = loadEnv({ SLACK_APP_TOKEN: '', PORT: '', SLACK_BOT_TOKEN_FILE: ' ' }, noFiles);
    expect(env.slack.appToken).toBeUndefined();
    expect(env.port).toBe(3000);
  });

  it('when both NAME and NAME_FILE are set, then the error names both', () => {
    const e = errorOf(() => loadEnv({ SLACK_SIGNING_SECRET: SIGNING, SLACK_SIGNING_SECRET_FILE: '/run/s' }, secretFiles({ '/run/s': SIGNING })));
    expect(e.code).toBe('config_invalid');
    expect(e.message).toContain('SLACK_SIGNING_SECRET and SLACK_SIGNING_SECRET_FILE are both set: set only one');
    expect(e.message).not.toContain(SIGNING);
  });

  it('when a NAME_FILE cannot be read, then the error names the variable and the path', () => {
    const e = errorOf(() => loadEnv({ PAGERDUTY_TOKEN_FILE: '/run/secrets/missing' }, noFiles));
    expect(e.message).toContain('PAGERDUTY_TOKEN_FILE: cannot read /run/secrets/missing (ENOENT)');
  });

  it('when PAGERDUTY_WEBHOOK_SECRET lists several secrets (a rotation), then each is accepted and redacted', () => {
    const env = loadEnv({ PAGERDUTY_WEBHOOK_SECRET_FILE: '/run/pd' }, secretFiles({ '/run/pd': 'new-secret-value, old-secret-value,\n' }));
    expect(env.pagerDuty.webhookSecrets).toEqual(['new-secret-value', 'old-secret-value']);
    expect(secretValues(env)).toEqual(['new-secret-value', 'old-secret-value']);
    expect(loadEnv({ PAGERDUTY_WEBHOOK_SECRET: 'only-one' }, noFiles).pagerDuty.webhookSecrets).toEqual(['only-one']);
  });

  it('when a NAME_FILE is empty, then it is an error rather than a missing secret', () => {
    const e = errorOf(() => loadEnv({ PAGERDUTY_WEBHOOK_SECRET_FILE: '/run/w' }, secretFiles({ '/run/w': '\n' })));
    expect(e.message).toContain('PAGERDUTY_WEBHOOK_SECRET_FILE: /run/w is empty');
  });

  it('when tokens have the wrong kind, then it says which kind is expected without echoing them', () => {
    const userToken = 'xoxp-fake-9999-8888-usertokenvalue';
    const r = checkEnv({ SLACK_BOT_TOKEN: userToken, SLACK_APP_TOKEN_FILE: '/run/app' }, secretFiles({ '/run/app': BOT }));
    expect(r).toEqual({
      ok: false,
      problems: [
        'SLACK_BOT_TOKEN: expected a bot token starting with xoxb-',
        'SLACK_APP_TOKEN_FILE: expected an app-level token starting with xapp-',
      ],
    });
  });

  it('when plain settings are malformed, then each problem names its variable', () => {
    const r = checkEnv({ PORT: '70000', LOG_LEVEL: 'loud', TZ: 'Moon/Base', SLACK_API_URL: 'ftp://slack', PAGERDUTY_API_URL: 'not a url' }, noFiles);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'SLACK_API_URL: expected an http(s) URL like https://example.com',
      'PAGERDUTY_API_URL: expected an http(s) URL like https://example.com',
      'PORT: expected a port number from 1 to 65535',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent',
      'TZ: expected an IANA time zone like Europe/Paris or UTC',
    ]);
    expect(checkEnv({ PORT: '0' }, noFiles).ok).toBe(false);
  });

  it('when METRICS_TOKEN or METRICS_PORT is set, then /metrics needs that token and moves to that port; a short token or PORT itself is refused', () => {
    const token = 'a'.repeat(32);
    const env = loadEnv({ METRICS_TOKEN: token, METRICS_PORT: '9464' }, noFiles);
    expect(env.metrics).toEqual({ token, port: 9464 });
    expect(secretValues(env)).toContain(token);
    const bad = checkEnv({ METRICS_TOKEN: 'short', METRICS_PORT: '3000' }, noFiles);
    expect(bad.ok ? [] : bad.problems).toEqual([
      'METRICS_TOKEN: expected a token of at least 16 characters (openssl rand -hex 32 makes one)',
      'METRICS_PORT: expected another port than PORT (unset it to serve /metrics on PORT)',
    ]);
  });

  it('when HOST is an IP or a host name, then start listens there; anything else is refused by name', () => {
    for (const host of ['127.0.0.1', '::', '::1', 'localhost', 'warden.internal']) expect(loadEnv({ HOST: host }, noFiles).host).toBe(host);
    for (const bad of ['127.0.0.1:3000', 'http://0.0.0.0', 'my host', '-x', 'a..b']) {
      const r = checkEnv({ HOST: bad }, noFiles);
      expect(r.ok ? [] : r.problems).toEqual([expect.stringMatching(/^HOST: expected an address to listen on: an IP such as 0\.0\.0\.0 \(all interfaces\), 127\.0\.0\.1/)]);
    }
  });

  it('no error message ever contains a secret value, from the environment or from a file', () => {
    const secrets = ['xoxp-fake-1-2-leakedvalue', 'xoxb-fake-3-4-leakedvalue', 'pd-token-leaked-value', 'routing-leaked-value'];
    const e = errorOf(() =>
      loadEnv(
        {
          SLACK_BOT_TOKEN: secrets[0],
          SLACK_APP_TOKEN_FILE: '/run/app',
          PAGERDUTY_TOKEN: secrets[2],
          PAGERDUTY_TOKEN_FILE: '/run/pd',
          PAGERDUTY_ROUTING_KEY: secrets[3],
          PORT: 'x',
        },
        secretFiles({ '/run/app': secrets[1] ?? '', '/run/pd': secrets[2] ?? '' }),
      ),
    );
    expect(e.message.split('\n').length).toBeGreaterThan(3);
    for (const secret of secrets) expect(e.message).not.toContain(secret);
  });
});

describe('requireSlackCredentials', () => {
  it('when bot token and signing secret are set, then Warden runs in HTTP mode', () => {
    const creds = requireSlackCredentials(loadEnv({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING }, noFiles));
    expect(creds).toEqual({ mode: 'http', botToken: BOT, signingSecret: SIGNING, apiUrl: 'https://slack.com/api/' });
  });

  it('when SLACK_TEAM_ID (and SLACK_ENTERPRISE_ID) are set, then the credentials name that workspace', () => {
    const env = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_TEAM_ID: 'T0123ABCD', SLACK_ENTERPRISE_ID: 'E0456EFGH' };
    expect(requireSlackCredentials(loadEnv(env, noFiles))).toMatchObject({ mode: 'http', workspace: { teamId: 'T0123ABCD', enterpriseId: 'E0456EFGH' } });
    expect(requireSlackCredentials(loadEnv({ ...env, SLACK_ENTERPRISE_ID: undefined }, noFiles)).workspace).toEqual({ teamId: 'T0123ABCD' });
  });

  it('when a workspace id is malformed, or the org is set without the workspace, then the problem names the variable', () => {
    const bad = checkEnv({ SLACK_TEAM_ID: 'warden-demo', SLACK_ENTERPRISE_ID: 'T0123ABCD' }, noFiles);
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringMatching(/^SLACK_TEAM_ID: expected a workspace id like T0123ABCD/), expect.stringMatching(/^SLACK_ENTERPRISE_ID: expected an Enterprise Grid org id/)]);
    const orgOnly = checkEnv({ SLACK_ENTERPRISE_ID: 'E0456EFGH' }, noFiles);
    expect(orgOnly.ok ? [] : orgOnly.problems).toEqual(['SLACK_ENTERPRISE_ID: set SLACK_TEAM_ID too (the workspace), or neither to learn both from auth.test']);
  });

  it('when an app token is set, then Warden runs in Socket Mode and needs no signing secret', () => {
    const creds = requireSlackCredentials(loadEnv({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }, noFiles));
    expect(creds).toMatchObject({ mode: 'socket', botToken: BOT, appToken: APP });
  });

  it('when credentials are missing, then the error names exactly those and points to the demo', () => {
    const e = errorOf(() => requireSlackCredentials(loadEnv({}, noFiles)));
    expect(e.code).toBe('config_invalid');
    expect(e.message).toMatch(/^missing Slack credentials: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET /);
    expect(e.message).toContain('npm run demo');
    expect(e.details.missing).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);

    const onlySecret = errorOf(() => requireSlackCredentials(loadEnv({ SLACK_SIGNING_SECRET: SIGNING }, noFiles)));
    expect(onlySecret.details.missing).toEqual(['SLACK_BOT_TOKEN']);
    expect(onlySecret.message).not.toContain(SIGNING);

    const onlyBot = errorOf(() => requireSlackCredentials(loadEnv({ SLACK_BOT_TOKEN: BOT }, noFiles)));
    expect(onlyBot.details.missing).toEqual(['SLACK_SIGNING_SECRET']);
    expect(onlyBot.message).not.toContain(BOT);
  });
});
