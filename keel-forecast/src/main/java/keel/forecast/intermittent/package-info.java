/**
 * Intermittent-demand forecasters (Croston, SBA, TSB, ADIDA, IMAPA) as FORECASTING.md §4 defines
 * them; entry point {@link keel.forecast.intermittent.Intermittent}.
 */
package keel.forecast.intermittent;
