package keel.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keel.forecast.Forecast;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.accuracy.Accuracy;
import keel.forecast.arima.AutoArima;
import keel.forecast.ets.Ets;
import keel.forecast.ets.EtsOptions;

/**
 * A development harness (test scope, not part of the keel-bench command line): runs named variants of
 * AutoARIMA / AutoETS on M4 Hourly or Weekly, prints mean MASE, sMAPE, MSIS and 95% coverage per
 * variant and writes one line per series and variant to {@code out/<frequency>-<variant>.tsv}.
 *
 * <pre>java -cp keel-bench/target/keel-bench.jar:keel-bench/target/test-classes keel.bench.VariantHarness \
 *     Weekly out arima-r,arima-sf</pre>
 */
public final class VariantHarness {
    private VariantHarness() {}

    static Forecaster variant(String name) {
        if (name.startsWith("arima:")) {
            // arima:<AUTO|ALWAYS|NEVER>:<constant 0|1>:<min root modulus>[:<give-up ratio>]
            String[] f = name.split(":");
            boolean constant = f[2].equals("1");
            return new AutoArima(new AutoArima.Options(AutoArima.Approximation.valueOf(f[1]), constant, constant,
                    Double.parseDouble(f[3]), f.length > 4 ? Double.parseDouble(f[4]) : 0));
        }
        if (name.startsWith("ets-box-r")) {
            // ets-box-r<restarts>: the box search restarted from its best point
            return Ets.forecaster(new EtsOptions(2000, Integer.parseInt(name.substring(9)), EtsOptions.Search.BOX_NELDER_MEAD));
        }
        if (name.startsWith("ets-tol")) {
            // ets-tol<tolerance>: Keel's default search with another box tolerance
            return Ets.forecaster(new EtsOptions(2000, 1, EtsOptions.Search.BOX_NELDER_MEAD, Double.parseDouble(name.substring(7))));
        }
        switch (name) {
            case "arima-r": return new AutoArima(AutoArima.Options.r());
            case "arima-keel": return new AutoArima(AutoArima.Options.defaults());
            case "arima-r-published": return new AutoArima(new AutoArima.Options(AutoArima.Approximation.NEVER, false, false));
            case "arima-sf": return new AutoArima(new AutoArima.Options(AutoArima.Approximation.AUTO, false, false));
            case "arima-sf-root11": return new AutoArima(new AutoArima.Options(AutoArima.Approximation.AUTO, false, false, 1.1));
            case "arima-r-root11": return new AutoArima(new AutoArima.Options(AutoArima.Approximation.AUTO, true, true, 1.1));
            case "arima-never": return new AutoArima(new AutoArima.Options(AutoArima.Approximation.NEVER, true, true));
            case "ets": return Ets.forecaster(EtsOptions.R);
            case "ets-box": return Ets.forecaster(EtsOptions.BOX);
            case "ets-default": return Ets.forecaster();
            case "ets-box-adm": return Ets.forecaster(new EtsOptions(2000, 0, EtsOptions.Search.BOX_NELDER_MEAD_ADMISSIBLE));
            default: throw new IllegalArgumentException("variant was \"" + name + "\"");
        }
    }

    public static void main(String[] args) throws Exception {
        String frequency = args[0];
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        String[] variants = args[2].split(",");
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int limit = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        List<M4Data.M4Series> series = M4Data.load(DataDirectory.resolve(null).resolve("m4"), frequency).series();
        if (limit > 0 && limit < series.size()) series = series.subList(0, limit);
        double[] levels = {0.025, 0.975};
        for (String v : variants) {
            Forecaster f = variant(v);
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> rows = new ArrayList<>();
            for (M4Data.M4Series s : series) {
                rows.add(pool.submit(() -> {
                    double[] mean;
                    double[] lo = new double[s.horizon()];
                    double[] hi = new double[s.horizon()];
                    String desc;
                    try {
                        Forecast fc = f.forecast(Series.of(s.id(), s.train(), s.period()), s.horizon(), levels);
                        mean = fc.mean();
                        for (int i = 0; i < s.horizon(); i++) {
                            lo[i] = fc.quantile(0, i);
                            hi[i] = fc.quantile(1, i);
                        }
                        desc = String.valueOf(fc.description()).replace('\t', ' ') + " sigma2=" + fc.parameters().get("sigma2")
                                + " width48=" + (hi[s.horizon() - 1] - lo[s.horizon() - 1]);
                    } catch (RuntimeException e) {
                        mean = new double[s.horizon()];
                        java.util.Arrays.fill(mean, s.train()[s.train().length - 1]);
                        lo = mean;
                        hi = mean;
                        desc = "FAILED " + e.getMessage();
                    }
                    return String.format(Locale.ROOT, "%s\t%.6f\t%.6f\t%.6f\t%.6f\t%s", s.id(),
                            Accuracy.mase(s.test(), mean, s.train(), s.period()), Accuracy.smape(s.test(), mean),
                            Accuracy.msis(s.test(), lo, hi, s.train(), s.period(), 0.05),
                            Accuracy.coverage(s.test(), lo, hi), desc);
                }));
            }
            double[] sum = new double[4];
            try (PrintStream w = new PrintStream(Files.newOutputStream(out.resolve(frequency + "-" + v + ".tsv")))) {
                for (Future<String> r : rows) {
                    String line = r.get();
                    w.println(line);
                    String[] c = line.split("\t");
                    for (int i = 0; i < 4; i++) sum[i] += Double.parseDouble(c[i + 1]);
                }
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = series.size();
            System.out.printf(Locale.ROOT, "%s %-20s n=%d MASE %.4f sMAPE %.4f MSIS %.3f cover95 %.4f  %.1f s%n", frequency,
                    v, n, sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, seconds);
        }
    }
}
