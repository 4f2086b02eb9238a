package dev.isr.benchmarks;

import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** What one clock read costs on this machine: every fresh hit of a time-based cache pays one. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClockBenchmark {

    private final InstantSource systemSource = InstantSource.system();

    @Benchmark
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    /** IsrCache's default clock since the monotonic change. */
    @Benchmark
    public long nanoTimeMillis() {
        return System.nanoTime() / 1_000_000;
    }

    /** IsrCache's default clock before: InstantSource.system(), i.e. currentTimeMillis behind an interface. */
    @Benchmark
    public long instantSourceMillis() {
        return systemSource.millis();
    }
}
