/**
 * Benchmark forecasters (naive, seasonal naive, mean, drift) with the normal prediction intervals of
 * FPP3 §5.5; entry point {@link keel.forecast.baseline.Baselines}.
 */
package keel.forecast.baseline;
