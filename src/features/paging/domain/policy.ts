/** What the paging rules need to know of the configuration (routing keys already read from the environment). */
export interface PagingService {
  name: string;
  /** Null when its environment variable is not set: pages to it are refused with the variable's name. */
  routingKey: string | null;
  routingKeyEnv: string;
  serviceId: string | null;
  /** Severities that page it on declare. */
  pageOn: readonly string[];
}

export interface PagingPolicy {
  /** `default` is always here (PAGERDUTY_ROUTING_KEY). */
  services: Readonly<Record<string, PagingService>>;
  acknowledgeOnCommander: boolean;
  privateTitles: boolean;
  phoneAfterMs: number;
  /** PagerDuty's `From` for changes Warden makes to incidents PagerDuty opened; null: Warden asks people to do it there. */
  fromEmail: string | null;
  /** The configured severities, most severe first: the first maps to `critical`, then `error`, `warning`, `info`. */
  severityOrder: readonly string[];
}

export const DEFAULT_SERVICE = 'default';
