package keel.app.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load benchmark (not a test; run by {@code keel-app/bench/load.sh}): the real server on loopback
 * with a fixture home, hit at rising request rates, half {@code GET /api/v1/queue} (a 60-item queue)
 * and half review {@code POST}s (accept, each on its own recommendation). Open loop: requests leave
 * on schedule whatever the server's speed, and latency counts from the scheduled time, so queueing
 * shows. Prints p50 / p99 / max and errors per rate, and CPU time per request: of this process
 * (server and load generator together) and of the server's request threads alone; the figures least
 * disturbed by other work on the machine.
 * Bounded: at most {@code seconds} per rate. Before measuring, 200 requests one at a time and then
 * {@code seconds} at the highest rate warm the JIT and the server's caches up; not reported.
 *
 * <p>Arguments: rates (comma-separated requests per second, default 100,250,500,750), seconds per
 * rate (default 5).
 */
public final class LoadBenchmark {
    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream((args.length > 0 ? args[0] : "100,250,500,750").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int reviews = (Arrays.stream(rates).sum() + Arrays.stream(rates).max().orElse(0)) * seconds / 2 + 300;
        Path dir = Files.createTempDirectory("keel-load");
        System.out.printf(Locale.ROOT, "keel load: fixture home with %d recommendations awaiting review ...%n", reviews);
        try (TestHome home = new TestHome(dir, 60, reviews)) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
            AtomicInteger nextItem = new AtomicInteger();
            warmUp(http, home, nextItem);
            run(http, home, Arrays.stream(rates).max().orElseThrow(), seconds, nextItem, false);
            serviceTime(http, home, nextItem);
            System.out.printf(Locale.ROOT, "load average %.2f, %d cores%n", OS.getSystemLoadAverage(), OS.getAvailableProcessors());
            System.out.println("rate/s  requests  kind    p50 ms   p99 ms   max ms  errors");
            for (int rate : rates) run(http, home, rate, seconds, nextItem, true);
        }
        System.exit(0);
    }

    /** One request at a time: the server's own time per request, without queueing. */
    private static void serviceTime(HttpClient http, TestHome home, AtomicInteger nextItem) throws Exception {
        for (boolean queue : new boolean[] {true, false}) {
            long[] ns = new long[100];
            for (int i = 0; i < ns.length; i++) {
                long t0 = System.nanoTime();
                http.send(request(home, queue, nextItem), HttpResponse.BodyHandlers.discarding());
                ns[i] = System.nanoTime() - t0;
            }
            Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "one at a time, %-6s: p50 %.1f ms, p99 %.1f ms%n", queue ? "queue" : "review",
                    pct(ns, 0.5), pct(ns, 0.99));
        }
    }

    private static void warmUp(HttpClient http, TestHome home, AtomicInteger nextItem) throws Exception {
        for (int i = 0; i < 200; i++) http.send(request(home, i % 2 == 0, nextItem), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpRequest request(TestHome home, boolean queue, AtomicInteger nextItem) {
        if (queue) {
            return HttpRequest.newBuilder(URI.create(home.base() + "/api/v1/queue?limit=50"))
                    .header("Authorization", "Bearer token-olivia").GET().build();
        }
        String id = TestHome.awaiting(TestHome.PARTS, nextItem.getAndIncrement());
        return HttpRequest.newBuilder(URI.create(home.base() + "/api/v1/recommendations/" + id + "/accept"))
                .header("Authorization", "Bearer token-sam").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":0}")).build();
    }

    private static void run(HttpClient http, TestHome home, int rate, int seconds, AtomicInteger nextItem, boolean report)
            throws Exception {
        int n = rate * seconds;
        long cpu0 = OS.getProcessCpuTime();
        long server0 = serverCpuNanos();
        long intervalNanos = 1_000_000_000L / rate;
        List<CompletableFuture<long[]>> pending = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            boolean queue = i % 2 == 0;
            pending.add(http.sendAsync(request(home, queue, nextItem), HttpResponse.BodyHandlers.discarding())
                    .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                    .handle((r, e) -> new long[] {queue ? 0 : 1, System.nanoTime() - due,
                        e == null && r.statusCode() == 200 ? 0 : 1}));
        }
        List<long[]> results = new ArrayList<>(n);
        for (CompletableFuture<long[]> f : pending) results.add(f.get());
        double took = (System.nanoTime() - start) / 1e9;
        double cpuMs = (OS.getProcessCpuTime() - cpu0) / 1e6;
        double serverMs = (serverCpuNanos() - server0) / 1e6;
        if (!report) return;
        print(rate, results, 0, "queue");
        print(rate, results, 1, "review");
        System.out.printf(Locale.ROOT, "        (%d requests in %.1f s; CPU per request: process %.2f ms, server threads %.2f ms;"
                + " load average %.2f)%n", n, took, cpuMs / n, serverMs / n, OS.getSystemLoadAverage());
    }

    /** CPU time of the server's request threads (Jetty's pool) so far; threads that ended are not counted. */
    private static long serverCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null || !t.getThreadName().startsWith("JettyServerThreadPool")) continue;
            long ns = threads.getThreadCpuTime(t.getThreadId());
            if (ns > 0) sum += ns;
        }
        return sum;
    }

    private static void print(int rate, List<long[]> results, int kind, String name) {
        long[] ms = results.stream().filter(r -> r[0] == kind).mapToLong(r -> r[1]).sorted().toArray();
        long errors = results.stream().filter(r -> r[0] == kind && r[2] == 1).count();
        System.out.printf(Locale.ROOT, "%6d  %8d  %-6s %7.1f  %7.1f  %7.1f  %6d%n", rate, ms.length, name, pct(ms, 0.50),
                pct(ms, 0.99), ms[ms.length - 1] / 1e6, errors);
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

}
