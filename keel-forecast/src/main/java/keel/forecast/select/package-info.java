/**
 * Model selection by rolling-origin backtest: {@link keel.forecast.select.Backtest} and
 * {@link keel.forecast.select.AutoForecaster}, which picks per series by the backtest error of the
 * horizon total and derives quantiles from the same backtest.
 */
package keel.forecast.select;
