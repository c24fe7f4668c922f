/**
 * Exponential smoothing state space models (ETS), fitted and selected as R's {@code forecast::ets}
 * does (Hyndman, Koehler, Ord &amp; Snyder 2008). Entry point: {@link keel.forecast.ets.Ets}.
 */
package keel.forecast.ets;
