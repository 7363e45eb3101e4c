// The bench's floor: a bare Bolt 5.1 app in HTTP mode on loopback, with Warden's signing secret and bot identity
// (no auth.test), whose only listener acks `/incident`. Plain JavaScript, run with plain node: no tsx start-up.
// Env: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, BOT_ID, BOT_USER_ID, PORT.
import process from 'node:process';
import bolt from '@slack/bolt';

const { App } = bolt;
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  botId: process.env.BOT_ID,
  botUserId: process.env.BOT_USER_ID,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/incident', async ({ ack }) => {
  await ack();
});
await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('bolt listening\n');
process.once('SIGTERM', () => app.stop().then(() => process.exit(0)));
