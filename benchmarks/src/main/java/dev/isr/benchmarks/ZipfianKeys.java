package dev.isr.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fixed, reproducible sequence of key indices drawn from a Zipfian distribution (rank k has weight
 * 1/k^s), as page popularity tends to be. The same seed gives the same sequence on every run and for
 * every contender, so the caches read exactly the same keys in the same order.
 */
final class ZipfianKeys {

    private final int[] sequence;

    ZipfianKeys(int keyCount, double exponent, int length, long seed) {
        double[] cumulative = new double[keyCount];
        double total = 0;
        for (int rank = 1; rank <= keyCount; rank++) {
            total += 1 / Math.pow(rank, exponent);
            cumulative[rank - 1] = total;
        }
        SplittableRandom random = new SplittableRandom(seed);
        sequence = new int[length];
        for (int i = 0; i < length; i++) {
            double point = random.nextDouble() * total;
            int slot = Arrays.binarySearch(cumulative, point);
            sequence[i] = Math.min(slot >= 0 ? slot : -slot - 1, keyCount - 1);
        }
    }

    int length() {
        return sequence.length;
    }

    int at(int position) {
        return sequence[position];
    }
}
