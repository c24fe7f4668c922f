/** Forecast accuracy measures with the M4 competition's definitions: sMAPE, MASE, OWA, MSIS and others. */
package keel.forecast.accuracy;
