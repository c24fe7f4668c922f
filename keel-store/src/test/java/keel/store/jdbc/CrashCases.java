package keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import keel.core.review.Status;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process running cycles (and, separately, a burst of reviews) with SIGKILL at seeded random
 * points, reruns the work, and checks that nothing committed was lost, nothing was written twice and
 * the ledger verifies. The kill points are spread over a window that starts as the time the work takes
 * uninterrupted (round 0) and adapts to the machine's speed as kills fall before the first commit or
 * after the last. Every round works on its own cycles in the same store, so the store also carries
 * the debris of every earlier kill. {@code -Dkeel.crash.kills=N} sets the kill points per test
 * (default 50).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class CrashCases {
    static final long SEED = 6L;
    static final int KILLS = Integer.getInteger("keel.crash.kills", 50);

    final StoreKind kind;
    @TempDir Path dir;
    StoreConfig config;

    CrashCases(StoreKind kind) {
        this.kind = kind;
    }

    @Test
    void a_cycle_killed_at_any_point_and_run_again_loses_nothing_and_writes_nothing_twice() throws Exception {
        Tally tally = killAndRerun("cycles");

        assertThat(tally.kills).isEqualTo(KILLS);
        assertThat(tally.midway).as("kills that fell between the first and the last commit").isPositive();
    }

    @Test
    void a_burst_of_reviews_killed_at_any_point_and_run_again_loses_nothing_and_writes_nothing_twice() throws Exception {
        Tally tally = killAndRerun("reviews");

        assertThat(tally.kills).isEqualTo(KILLS);
        assertThat(tally.midway).as("kills that fell between the first and the last commit").isPositive();
    }

    /** How the kills fell. */
    static final class Tally {
        int kills;
        int beforeFirstCommit;
        int midway;
        int afterDone;
    }

    private Tally killAndRerun(String mode) throws Exception {
        config = kind.freshConfig(dir);
        KeelStore.open(config).close();
        Random random = new Random(SEED + mode.hashCode());
        long workNanos = calibrate(mode);
        long window = (long) (workNanos * 1.1);
        Tally tally = new Tally();
        long started = System.nanoTime();
        for (int round = 1; round <= KILLS; round++) {
            prepare(mode, round);
            Child child = Child.start(config, mode, round);
            child.awaitReady();
            long delay = (long) (random.nextDouble() * window);
            TimeUnit.NANOSECONDS.sleep(delay);
            child.kill();
            List<String> committed = child.committed();
            tally.kills++;
            // The machine's speed varies: widen the window when kills fall too early, narrow it when too late.
            if (child.done()) {
                tally.afterDone++;
                window = (long) (window * 0.8);
            } else if (committed.isEmpty()) {
                tally.beforeFirstCommit++;
                window = (long) (window * 1.25);
            } else {
                tally.midway++;
            }
            try (KeelStore store = KeelStore.openMigrated(config)) {
                String where = String.format(Locale.ROOT, "%s kill #%d after %.1f ms (%d commits seen)", mode, round,
                        delay / 1e6, committed.size());
                assertNothingLost(store, committed, where);
                rerun(store, mode, round);
                assertComplete(store, mode, round, where);
            }
        }
        System.out.printf(Locale.ROOT, "crash test %s on %s: %d kills over %.0f ms of work: %d before the first commit, "
                + "%d midway, %d after the end; %.1f s%n", mode, kind, tally.kills, workNanos / 1e6, tally.beforeFirstCommit,
                tally.midway, tally.afterDone, (System.nanoTime() - started) / 1e9);
        return tally;
    }

    /** Runs round 0 without a kill and measures it. */
    private long calibrate(String mode) throws Exception {
        prepare(mode, 0);
        Child child = Child.start(config, mode, 0);
        child.awaitReady();
        long t0 = System.nanoTime();
        assertThat(child.process.waitFor(5, TimeUnit.MINUTES)).as("uninterrupted run finished").isTrue();
        long nanos = System.nanoTime() - t0;
        assertThat(child.done()).as("uninterrupted run printed done; output %s", child.lines).isTrue();
        try (KeelStore store = KeelStore.openMigrated(config)) {
            assertComplete(store, mode, 0, "uninterrupted run");
        }
        return nanos;
    }

    private void prepare(String mode, int round) {
        if (!mode.equals("reviews")) return;
        try (KeelStore store = KeelStore.openMigrated(config)) {
            CrashChild.saveReviewedCycle(store, round);
        }
    }

    private static void assertNothingLost(KeelStore store, List<String> committed, String where) {
        for (String line : committed) {
            String subject = line.substring(line.indexOf(' ') + 1);
            if (line.startsWith("saved ")) {
                assertThat(store.cycle(subject)).as("%s: committed cycle %s is stored", where, subject).isPresent();
            } else {
                assertThat(store.reviews(subject)).as("%s: committed review of %s is stored", where, subject).hasSize(1);
            }
        }
    }

    private static void rerun(KeelStore store, String mode, int round) {
        if (mode.equals("cycles")) {
            CrashChild.runCycles(store, round);
        } else {
            CrashChild.runReviews(store, round);
        }
    }

    private static void assertComplete(KeelStore store, String mode, int round, String where) {
        String like = CrashChild.prefix(round) + "%";
        if (mode.equals("cycles")) {
            int cycles = CrashChild.CYCLES;
            int n = CrashChild.ITEMS;
            assertThat(count(store, "select count(*) from cycle where id like ?", like)).as(where).isEqualTo(cycles);
            assertThat(count(store, "select count(*) from recommendation where id like ?", like)).as(where)
                    .isEqualTo((long) cycles * n);
            assertThat(count(store, "select count(*) from ledger where subject like ?", like)).as(where)
                    .isEqualTo((long) cycles * (n + 1));
            for (int c = 0; c < cycles; c++) {
                String id = CrashChild.cycleId(round, c);
                assertThat(store.recommendations(id).stream().map(r -> r.recommendation().toString()).toList()).as(where)
                        .isEqualTo(SampleCycles.recommendations(id, n).stream().map(r -> r.recommendation().toString()).toList());
            }
            assertThat(store.counts().get("ledger")).as("%s: ledger size", where).isEqualTo((round + 1L) * cycles * (n + 1));
        } else {
            int n = CrashChild.REVIEWS;
            assertThat(count(store, "select count(*) from review where recommendation_id like ?", like)).as(where)
                    .isEqualTo(n);
            assertThat(count(store, "select count(*) from ledger where type = 'REVIEW' and subject like ?", like))
                    .as(where).isEqualTo(n);
            for (StoredRecommendation r : store.recommendations(CrashChild.reviewedCycle(round))) {
                int i = Integer.parseInt(r.recommendation().item().substring("item-".length()));
                assertThat(r.status()).as(where).isEqualTo(Status.OVERRIDDEN);
                assertThat(r.finalQuantity()).as(where).isEqualTo(100.0 + i);
                assertThat(r.version()).as(where).isEqualTo(1);
            }
            assertThat(store.counts().get("ledger")).as("%s: ledger size", where).isEqualTo((round + 1L) * (2 * n + 1));
        }
        assertThat(store.ledger().verify().intact()).as(where).isTrue();
    }

    private static long count(KeelStore store, String sql, String like) {
        return store.jdbi().withHandle(h -> h.createQuery(sql).bind(0, like).mapTo(Long.class).one());
    }

    /** The child JVM and what it printed. */
    private static final class Child {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "crash-child-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(StoreConfig config, String mode, int round) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                    config.jdbcUrl(), config.user(), config.password(), mode, Integer.toString(round)));
            return new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    if (line.equals("ready")) ready.countDown();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                ready.countDown();
            }
        }

        void awaitReady() throws InterruptedException {
            assertThat(ready.await(2, TimeUnit.MINUTES)).as("child started").isTrue();
            assertThat(lines).as("child said ready (did it fail to start?)").contains("ready");
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
            reader.join(10_000);
        }

        boolean done() throws InterruptedException {
            reader.join(10_000);
            return lines.contains("done");
        }

        /** The commits the child reported; a line cut by the kill is not a report. */
        List<String> committed() {
            return lines.stream().filter(l -> l.matches("(saved crash-r\\d+-cycle-\\d+|reviewed crash-r\\d+-reviews/item-\\d{5})"))
                    .toList();
        }
    }
}
