package keel.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import keel.forecast.Forecast;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/**
 * Remembers, per worker thread, the forecasts (or failures) a forecaster made of the series the
 * thread is working on, so that the arima, combo and auto groups fit ETS, ARIMA and Theta once per
 * series and origin instead of once per group. A hit needs the same forecaster name, horizon,
 * levels and observations (compared in full); the memory holds the last {@value #CAPACITY} calls.
 * Results are those of the wrapped forecaster, which is deterministic.
 */
final class MemberCache {
    private static final int CAPACITY = 64;
    private static final ThreadLocal<Map<String, Entry>> CALLS = ThreadLocal.withInitial(() ->
            new LinkedHashMap<String, Entry>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                    return size() > CAPACITY;
                }
            });

    private record Entry(double[] values, Forecast forecast, RuntimeException failure) {}

    private MemberCache() {}

    /** {@code forecaster} with its calls remembered in the calling thread. */
    static Forecaster wrap(Forecaster forecaster) {
        return new Forecaster() {
            @Override
            public String name() {
                return forecaster.name();
            }

            @Override
            public Forecast forecast(Series series, int horizon, double[] levels) {
                double[] values = series.values();
                String key = forecaster.name() + '|' + series.id() + '|' + series.seasonalPeriod() + '|' + horizon
                        + '|' + Arrays.toString(levels) + '|' + values.length + '|' + Arrays.hashCode(values);
                Map<String, Entry> calls = CALLS.get();
                Entry hit = calls.get(key);
                if (hit == null || !Arrays.equals(hit.values(), values)) {
                    try {
                        hit = new Entry(values, forecaster.forecast(series, horizon, levels), null);
                    } catch (RuntimeException e) {
                        hit = new Entry(values, null, e);
                    }
                    calls.put(key, hit);
                }
                if (hit.failure() != null) throw hit.failure();
                return hit.forecast();
            }
        };
    }
}
