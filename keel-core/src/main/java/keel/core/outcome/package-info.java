/**
 * What happened once demand is known, and who added value: period-by-period
 * {@link keel.core.outcome.InventorySimulation}, {@link keel.core.outcome.TargetReplay} (Decision Value Added of
 * one decision), {@link keel.core.outcome.PolicyPaths} ("what if we had always followed X"),
 * {@link keel.core.outcome.ForecastValueAdded} (the FVA stairstep) and
 * {@link keel.core.outcome.DecisionValueReport} (DVA per reviewer, reason, size and direction).
 * Methods: {@code DECISIONS.md} §4–5.
 */
package keel.core.outcome;
