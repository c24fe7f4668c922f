/**
 * Simple exponential smoothing for demand: the forecaster {@link keel.forecast.smoothing.Smoothing#ses()}
 * and the shared kernel {@link keel.forecast.smoothing.ExponentialSmoothing}.
 */
package keel.forecast.smoothing;
