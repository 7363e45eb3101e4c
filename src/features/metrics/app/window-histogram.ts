import { Histogram, type Registry } from 'prom-client';
import type { SeriesCounts } from '../domain/window-counts.js';

export interface WindowHistogramConfig {
  name: string;
  help: string;
  labelNames: readonly string[];
  /** Upper bounds in seconds; `SeriesCounts.buckets` has one more entry, for +Inf. */
  buckets: readonly number[];
  registry: Registry;
  labelsOf: (c: SeriesCounts) => Record<string, string>;
}

type Snapshot = Awaited<ReturnType<Histogram['get']>>;
type Values = Snapshot['values'];
// prom-client's types declare `type` a numeric enum, but its histograms report the text the registry writes
// after `# TYPE`; this one reports that text too.
const HISTOGRAM = 'histogram' as unknown as Snapshot['type'];

/**
 * A Prometheus histogram whose buckets are already counted (the window's sums, not observations made in this
 * process): each scrape shows what `read` returns, one entry per label set, in the text a prom-client
 * histogram writes (cumulative `le` buckets, `+Inf`, `_sum` in seconds, `_count`).
 */
export class WindowHistogram extends Histogram {
  private readonly config: WindowHistogramConfig;
  private readonly read: () => readonly SeriesCounts[];

  constructor(config: WindowHistogramConfig, read: () => readonly SeriesCounts[]) {
    super({ name: config.name, help: config.help, labelNames: [...config.labelNames], buckets: [...config.buckets], registers: [config.registry] });
    this.config = config;
    this.read = read;
  }

  override async get(): Promise<Snapshot> {
    return this.snapshot();
  }

  /** The registry writes the text from this when a metric has it (prom-client's Histogram does); the same values. */
  async getForPromString(): Promise<Snapshot> {
    return this.snapshot();
  }

  private snapshot(): Snapshot {
    return { name: this.config.name, help: this.config.help, type: HISTOGRAM, aggregator: 'sum', collect: () => undefined, values: this.values() };
  }

  private values(): Values {
    const out: Values = [];
    const { name, buckets, labelsOf } = this.config;
    for (const c of this.read()) {
      const labels = labelsOf(c);
      let cumulative = 0;
      buckets.forEach((le, i) => {
        cumulative += c.buckets[i] ?? 0;
        out.push({ metricName: `${name}_bucket`, labels: { le, ...labels }, value: cumulative });
      });
      out.push({ metricName: `${name}_bucket`, labels: { le: '+Inf', ...labels }, value: c.count });
      out.push({ metricName: `${name}_sum`, labels, value: c.sumMs / 1000 });
      out.push({ metricName: `${name}_count`, labels, value: c.count });
    }
    return out;
  }
}
