/**
 * From a demand distribution and declared costs to an order, with the alternatives it rejected.
 *
 * <p>Entry points: {@link keel.core.policy.Tradeoff} (costs, lead time, review period, pack, MOQ);
 * {@link keel.core.policy.DemandDistribution} and its factories (normal, Poisson, negative binomial, pmf,
 * forecast quantiles, sample paths), {@link keel.core.policy.ForecastDemand} (from a forecast) and
 * {@link keel.core.policy.LeadTimeBootstrap} (intermittent series); {@link keel.core.policy.Newsvendor}
 * (critical fractile, optimal level, cost parts); {@link keel.core.policy.OrderUpToPolicy} producing an
 * {@link keel.core.policy.OrderDecision}; {@link keel.core.policy.ServiceLevels} (CSL, fill rate, ready rate).
 * Methods and golden values: {@code DECISIONS.md} §1–3.
 */
package keel.core.policy;
