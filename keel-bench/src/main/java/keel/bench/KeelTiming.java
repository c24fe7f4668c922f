package keel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import keel.forecast.ForecastException;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/**
 * Times a Keel forecaster over series: on the calling thread by its CPU time, or on a fixed pool
 * by wall time (plus the workers' summed CPU time). Each forecast asks for the 80% and 95% interval
 * quantiles, the work R's {@code forecast()} does by default.
 */
final class KeelTiming {
    /** The quantiles of R's default 80% and 95% intervals. */
    static final double[] LEVELS = {0.025, 0.1, 0.9, 0.975};
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /**
     * One timed pass.
     *
     * @param series how many series were forecast
     * @param seconds CPU seconds of the calling thread, or wall seconds for a pool
     * @param cpuSeconds CPU seconds summed over the threads that forecast
     * @param forecasts point forecasts by series id (failed series left out)
     * @param failures series whose forecast threw {@link ForecastException}
     */
    record Pass(int series, double seconds, double cpuSeconds, Map<String, double[]> forecasts, int failures) {
        double seriesPerSecond() {
            return series / seconds;
        }

        double seriesPerCpuSecond() {
            return series / cpuSeconds;
        }
    }

    private KeelTiming() {}

    /** Forecasts each series once on this thread, timed by the thread's CPU clock. */
    static Pass singleThread(Forecaster forecaster, List<M4Data.M4Series> series) {
        Map<String, double[]> forecasts = new HashMap<>();
        int failures = 0;
        long start = CPU.getCurrentThreadCpuTime();
        for (M4Data.M4Series s : series) {
            double[] f = forecast(forecaster, s);
            if (f == null) failures++;
            else forecasts.put(s.id(), f);
        }
        double cpu = (CPU.getCurrentThreadCpuTime() - start) / 1e9;
        return new Pass(series.size(), cpu, cpu, forecasts, failures);
    }

    /** The median-time pass of {@code repeats} single-thread passes. */
    static Pass medianSingleThread(Forecaster forecaster, List<M4Data.M4Series> series, int repeats) {
        List<Pass> passes = new ArrayList<>();
        for (int i = 0; i < Math.max(1, repeats); i++) passes.add(singleThread(forecaster, series));
        passes.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        return passes.get(passes.size() / 2);
    }

    /** Forecasts each series once on a pool of {@code threads}, timed by the wall clock. */
    static Pass pool(Forecaster forecaster, List<M4Data.M4Series> series, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // one task per worker, each taking the next series, so per-thread CPU time is read once per worker
            AtomicInteger next = new AtomicInteger();
            double[][] out = new double[series.size()][];
            List<Future<Long>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    long cpu0 = CPU.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < series.size(); i = next.getAndIncrement()) {
                        out[i] = forecast(forecaster, series.get(i));
                    }
                    return CPU.getCurrentThreadCpuTime() - cpu0;
                }));
            }
            long cpu = 0;
            for (Future<Long> f : workers) cpu += f.get();
            double wall = (System.nanoTime() - start) / 1e9;
            Map<String, double[]> forecasts = new HashMap<>();
            int failures = 0;
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) failures++;
                else forecasts.put(series.get(i).id(), out[i]);
            }
            return new Pass(series.size(), wall, cpu / 1e9, forecasts, failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forecasting on the pool", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a forecast failed on the pool: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] forecast(Forecaster forecaster, M4Data.M4Series s) {
        try {
            return forecaster.forecast(Series.of(s.id(), s.train(), s.period()), s.horizon(), LEVELS).mean();
        } catch (ForecastException e) {
            return null;
        }
    }
}
