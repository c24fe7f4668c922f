/**
 * Seasonal ARIMA by exact maximum likelihood with automatic order selection, a port of R's
 * {@code stats::arima} and {@code forecast::auto.arima} (forecast 8.20; Hyndman & Khandakar 2008).
 *
 * <p>Public surface: {@link keel.forecast.arima.AutoArima} (the {@code "arima"} forecaster),
 * {@link keel.forecast.arima.ArimaOrder} and {@link keel.forecast.arima.ArimaFit} (the chosen model:
 * coefficients, likelihood, AIC/AICc/BIC, forecasts with variances). Everything else is
 * package-private: CSS and Kalman-filter likelihoods, the BFGS of R's {@code optim}, KPSS, STL and
 * the stepwise search. Numbers are checked against R in the tests ({@code reference.R}).
 */
package keel.forecast.arima;
