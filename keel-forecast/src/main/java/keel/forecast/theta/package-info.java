/**
 * Theta method forecasters: statsforecast's Theta family (Fiorucci et al. 2016) with AutoTheta, and
 * R's {@code thetaf}. Entry point: {@link keel.forecast.theta.Theta}.
 */
package keel.forecast.theta;
