export { indicatorsProjection } from './projection.ts';
export * from './business-time.ts';
export { granularityFor, type Granularity, type StatsFilter } from './filter.ts';
export {
  durationStats,
  resolutionDistribution,
  RESOLUTION_BUCKETS,
  type DurationStat,
  type Milestone,
  type ResolutionBucket,
} from './durations.ts';
export { flowSeries, type FlowPoint, type FlowTotals } from './flows.ts';
export {
  statsOverview,
  type AgentLoad,
  type CurrentState,
  type Overview,
  type Satisfaction,
  type ServiceLine,
} from './overview.ts';
export { queryAlerts, type AlertFilter, type AlertItem, type Alerts } from './alerts.ts';
export { drillDown, DRILL_METRICS, type DrillFilter, type DrillItem, type DrillMetric } from './drilldown.ts';
export { statsDimensions, type Dimensions } from './dimensions.ts';
