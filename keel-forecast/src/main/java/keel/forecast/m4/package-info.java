/**
 * The M4 competition's statistical benchmarks (Naive1, sNaive, Naive2, SES, Holt, Damped, Theta,
 * Comb S-H-D) and its seasonality test, as the organisers' R script computes them. Entry point:
 * {@link keel.forecast.m4.M4Benchmarks}.
 */
package keel.forecast.m4;
