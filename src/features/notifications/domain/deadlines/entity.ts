/**
 * The legal entity a deadline is computed for: what kind of entity it is (DORA's categories of financial
 * entity, Art 2(1) of Reg (EU) 2022/2554, plus NIS2's essential and important entities), the country or
 * Member State whose public holidays count, and the zone its working days run in. From
 * `company.entities[]` in warden.yaml or the `warden deadlines` flags.
 */

/** One source for the entity types (config, CLI and regime files all check against it). */
export const ENTITY_TYPES = [
  'credit_institution',
  'payment_institution',
  'account_information_service_provider',
  'electronic_money_institution',
  'investment_firm',
  'crypto_asset_service_provider',
  'central_securities_depository',
  'central_counterparty',
  'trading_venue',
  'trade_repository',
  'alternative_investment_fund_manager',
  'management_company',
  'data_reporting_service_provider',
  'insurance_undertaking',
  'reinsurance_undertaking',
  'insurance_intermediary',
  'occupational_retirement_provision',
  'credit_rating_agency',
  'critical_benchmark_administrator',
  'crowdfunding_service_provider',
  'securitisation_repository',
  'nis2_essential',
  'nis2_important',
  'other',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Entity {
  readonly name: string;
  readonly type: EntityType;
  /** ISO 3166 alpha-2 (the Member State for EU law): its public holidays are the entity's non-working days. */
  readonly country: string;
  /** IANA zone in which the entity's days start and end. */
  readonly zone: string;
  /** A competent authority excluded this entity from DORA's weekend relief (RTS 2025/301 Art 5(6)). */
  readonly doraReliefExcluded: boolean;
}

export const isEntityType = (s: string): s is EntityType => (ENTITY_TYPES as readonly string[]).includes(s);
