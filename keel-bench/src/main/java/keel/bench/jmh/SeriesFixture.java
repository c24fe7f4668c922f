package keel.bench.jmh;

import java.util.SplittableRandom;

/** Fixed synthetic series for the JMH benchmarks: the same numbers on every run (seeded). */
final class SeriesFixture {
    private SeriesFixture() {}

    /**
     * n positive values: level 1000, a slow random-walk trend, a season of length m (none when m is
     * 1) and AR(1) noise, like a long M4 Weekly (m = 1) or Hourly (m = 24) series.
     */
    static double[] series(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[n];
        double level = 1000;
        double noise = 0;
        for (int t = 0; t < n; t++) {
            level += random.nextGaussian() * 2 + 0.1;
            noise = 0.6 * noise + random.nextGaussian() * 5;
            double season = m > 1 ? 50 * Math.sin(2 * Math.PI * (t % m) / m) : 0;
            y[t] = level + season + noise;
        }
        return y;
    }
}
