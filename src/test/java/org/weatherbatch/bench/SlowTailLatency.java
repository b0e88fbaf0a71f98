package org.weatherbatch.bench;

import java.util.Random;

/**
 * A latency spread like a real API's: a log-normal body, and a small share of requests that
 * take seconds longer (a slow backend, a garbage collection, a retransmitted packet). Seeded,
 * and drawn in the order the requests arrive, so that runs are comparable.
 */
public final class SlowTailLatency implements Latency {

    private final double medianMillis;

    private final double sigma;

    private final double tailShare;

    private final double tailMinMillis;

    private final double tailMaxMillis;

    private final long seed;

    private final Random random;

    /**
     * @param medianMillis the body's median
     * @param sigma the standard deviation of the body's logarithm
     * @param tailShare the share of requests that take longer
     * @param tailMinMillis the least those take longer, uniform up to tailMaxMillis
     */
    SlowTailLatency(double medianMillis, double sigma, double tailShare, double tailMinMillis, double tailMaxMillis,
            long seed) {
        this.medianMillis = medianMillis;
        this.sigma = sigma;
        this.tailShare = tailShare;
        this.tailMinMillis = tailMinMillis;
        this.tailMaxMillis = tailMaxMillis;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /**
     * The benchmark's spread, chosen here only: a median of 40 ms with σ = 0.3 (9 in 10 requests
     * between 24 and 66 ms, 1 in 100 above 80 ms), and 1 request in 100 taking 1 to 3 s longer;
     * a mean of about 62 ms, a third of it the tail's.
     */
    static SlowTailLatency apiLike() {
        return new SlowTailLatency(40, 0.3, 0.01, 1_000, 3_000, 20261128L);
    }

    @Override
    public synchronized long nextMicros() {
        double millis = medianMillis * Math.exp(sigma * random.nextGaussian());
        if (random.nextDouble() < tailShare) {
            millis += tailMinMillis + (tailMaxMillis - tailMinMillis) * random.nextDouble();
        }
        return Math.round(millis * 1000);
    }

    @Override
    public double meanMillis() {
        return medianMillis * Math.exp(sigma * sigma / 2) + tailShare * (tailMinMillis + tailMaxMillis) / 2;
    }

    @Override
    public synchronized void restart() {
        random.setSeed(seed);
    }

    @Override
    public String toString() {
        return String.format("log-normal, median %.0f ms, σ %.2f; %.1f%% of requests %.0f–%.0f s longer; seed %d",
                medianMillis, sigma, tailShare * 100, tailMinMillis / 1000, tailMaxMillis / 1000, seed);
    }
}
