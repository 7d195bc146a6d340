package dev.ipmi.benchmarks.tools;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** Wall and process-CPU clocks for the comparison programs. */
final class Measure {
    private Measure() {}

    /** CPU time of the whole JVM (all threads, JIT and GC included), nanoseconds; -1 when unavailable. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Milliseconds from JVM start to now, as the JVM itself recorded its start. */
    static long sinceJvmStartMillis() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Median of every round but the first (the cold one), in ms; "n/a" after a single round. */
    static String warmMs(double[] nanos) {
        return nanos.length < 2 ? "n/a" : ms(median(Arrays.copyOfRange(nanos, 1, nanos.length)));
    }

    static String ms(double nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
