package keel.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/** What the scaling benchmarks measure besides wall time: process CPU time and peak used heap. */
final class BenchProbes {
    private BenchProbes() {
    }

    /** CPU time of this whole process (all threads): on a shared machine, wall time alone misleads. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Samples used heap every 50 ms (the driver and, in local mode, the executors share this JVM). */
    static final class PeakHeap {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static PeakHeap start() {
            PeakHeap p = new PeakHeap();
            p.thread = new Thread(() -> {
                while (p.running) {
                    long used = 0;
                    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        if (pool.getType() == MemoryType.HEAP) used += pool.getUsage().getUsed();
                    }
                    p.peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            p.thread.setDaemon(true);
            p.thread.start();
            return p;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
