package keel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Runs the JMH benchmarks of the inner loops ({@code keel.bench.jmh}) with JMH's own options. Those of
 * the short run {@code -f 1 -wi 2 -i 3 -w 2s -r 2s} (one fork, two 2-second warm-up and three
 * 2-second measured iterations: about 3 minutes for all 18) apply unless given. Not part of
 * {@code mvn verify}, which only compiles the benchmarks.
 */
@Command(name = "jmh", description = "JMH benchmarks of the inner loops (ETS likelihood, ARIMA CSS/Chandrasekhar/"
        + "Kalman/BFGS, Theta); JMH options pass through, default -f 1 -wi 2 -i 3 -w 2s -r 2s (try -h).")
public final class JmhCommand implements Callable<Integer> {
    static final List<String> DEFAULTS = List.of("-f", "1", "-wi", "2", "-i", "3", "-w", "2s", "-r", "2s");

    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < DEFAULTS.size(); i += 2) {
            if (!jmhArguments.contains(DEFAULTS.get(i))) args.addAll(DEFAULTS.subList(i, i + 2));
        }
        args.addAll(jmhArguments);
        org.openjdk.jmh.Main.main(args.toArray(new String[0]));
        return 0;
    }
}
