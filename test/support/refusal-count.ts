/** `warden_slack_requests_refused_total{reason}` as Warden's /metrics shows it now (NaN when the series is absent). */
export async function refusedCount(baseUrl: string, reason: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const match = new RegExp(`^warden_slack_requests_refused_total\\{reason="${reason}"\\} (\\d+)$`, 'm').exec(text);
  return Number(match?.[1] ?? Number.NaN);
}
