package org.weatherbatch.bench;

/** How long {@link StubWeatherApi} waits before it answers a request: drawn anew for each request. */
public interface Latency {

    /** The wait before the next answer, in microseconds; called once per request, from any thread. */
    long nextMicros();

    /** The mean wait in milliseconds: the L of the ideal N × L / C. */
    double meanMillis();

    /** Starts the draws over, so that each run of a scenario sees the same sequence. */
    default void restart() {
    }

    /** The same wait for every request. */
    record Fixed(double millis) implements Latency {

        @Override
        public long nextMicros() {
            return Math.round(millis * 1000);
        }

        @Override
        public double meanMillis() {
            return millis;
        }
    }
}
