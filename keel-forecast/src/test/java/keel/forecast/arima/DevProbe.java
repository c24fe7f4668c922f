package keel.forecast.arima;

import keel.forecast.Series;

/** Development aid: times auto.arima on one reference series. */
final class DevProbe {
    public static void main(String[] args) {
        String s = args.length > 0 ? args[0] : "h1";
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            AutoArima.Selection sel = new AutoArima().select(Series.of(s, ReferenceValues.data(s), ReferenceValues.period(s)));
            System.out.println((System.nanoTime() - t0) / 1e6 + " ms " + sel.description);
        }
    }
}
