/**
 * Forecast combinations: the mean or median of several models' forecasts ({@link
 * keel.forecast.combine.Combination}) and the automatic choice for regular (non-intermittent) data
 * among ETS, ARIMA, Theta and their combinations ({@link keel.forecast.combine.Ensemble}).
 */
package keel.forecast.combine;
