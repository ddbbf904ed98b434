package io.financehub.sandbox.data;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stateless deterministic randomness: every value is a pure function of (seed, inputs), so any transaction of any
 * account can be derived on its own without generating the ones before it.
 */
public final class Det {

    private Det() {
    }

    /** SplitMix64's finaliser: a good 64-bit mix of one long. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long hash(long seed, long a) {
        return mix(mix(seed + 0x9e3779b97f4a7c15L) ^ a);
    }

    public static long hash(long seed, long a, long b) {
        return mix(hash(seed, a) + 0x9e3779b97f4a7c15L * (b + 1));
    }

    public static long hash(long seed, String s) {
        long h = mix(seed);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff) + 0x9e3779b97f4a7c15L);
        }
        return h;
    }

    /** A version-4-shaped UUID from two hashes. */
    public static UUID uuid(long h1, long h2) {
        long msb = (h1 & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (h2 & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public static UUID uuid(long seed, String kind, long n) {
        long h = hash(seed, kind);
        return uuid(hash(h, n, 1), hash(h, n, 2));
    }

    /** Uniform double in [0, 1) from a hash. */
    public static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Uniform int in [0, bound) from a hash. */
    public static int below(long h, int bound) {
        return (int) Math.floorMod(h, (long) bound);
    }

    /** A stream of values for one derivation: successive calls give independent draws. */
    public static final class Draw {
        private long state;

        public Draw(long seed) {
            this.state = seed;
        }

        public long next() {
            state += 0x9e3779b97f4a7c15L;
            return mix(state);
        }

        public double unit() {
            return Det.unit(next());
        }

        public int below(int bound) {
            return Det.below(next(), bound);
        }

        /** Cents in [min, max] (both in cents), skewed to small values as real spending is. */
        public long cents(long min, long max) {
            double u = unit();
            return min + (long) ((max - min) * u * u);
        }

        public <T> T pick(T[] values) {
            return values[below(values.length)];
        }

        public <T> T pick(java.util.List<T> values) {
            return values.get(below(values.size()));
        }
    }
}
