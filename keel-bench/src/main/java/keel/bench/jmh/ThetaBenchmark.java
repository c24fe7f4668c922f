package keel.bench.jmh;

import java.util.concurrent.TimeUnit;
import keel.forecast.Series;
import keel.forecast.theta.Theta;
import keel.forecast.theta.ThetaFit;
import keel.forecast.theta.ThetaVariant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Theta on a fixed 1,000-point non-seasonal series: the optimised Theta fit, and thetaf end to end. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThetaBenchmark {
    private static final double[] LEVELS = {0.025, 0.1, 0.9, 0.975};
    private double[] y;
    private Series series;

    @Setup
    public void setUp() {
        y = SeriesFixture.series(1000, 1, 5);
        series = Series.of("fixture", y, 1);
    }

    /** OTM: box Nelder–Mead over (level, alpha, theta). */
    @Benchmark
    public double[] optimisedThetaFit() {
        return ThetaFit.fit(y, ThetaVariant.OTM).pointForecast(13);
    }

    /** R's thetaf(y, h = 13) with 80% and 95% intervals. */
    @Benchmark
    public double[] thetaf() {
        return Theta.thetaf().forecast(series, 13, LEVELS).mean();
    }
}
