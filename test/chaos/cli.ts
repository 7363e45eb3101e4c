// `npm run chaos [-- ACTIONS KILLS SEED]`: the long chaos run (default 300 actions, 20 SIGKILLs), drained for 2 s an action (about
// a quarter of the actions are declares, whose creates Slack takes 20 a minute). Prints one summary line
// and exits 1 on any lost action, duplicated post or failed job, or when a kind of action was never confirmed.
import { ACTION_KINDS } from './chaos-actions.js';
import { runChaos, summaryLine } from './chaos-run.js';

const [actions = '300', kills = '20', seed = String(Date.now() % 2 ** 31)] = process.argv.slice(2);
const summary = await runChaos({ actions: Number(actions), kills: Number(kills), seed: Number(seed), drainMs: Math.max(300_000, Number(actions) * 2_000) });
console.log(summaryLine(summary));
for (const what of summary.lost) console.log(`lost: ${what}`);
for (const what of summary.duplicated) console.log(`duplicated: ${what}`);
for (const what of summary.pagesRepeatedAcrossKills) console.log(`folded by PagerDuty's dedup key: ${what}`);
// A kind of action the run never got confirmed proves nothing about it: the long run must exercise every one.
const unexercised = ACTION_KINDS.filter((k) => !summary.byKind[k]);
if (unexercised.length > 0) console.log(`never confirmed: ${unexercised.join(', ')}`);
process.exitCode = summary.lost.length + summary.duplicated.length + summary.failedJobs + summary.pendingJobs + unexercised.length === 0 ? 0 : 1;
