package org.weatherbatch.report;

/**
 * What the fetching did in one second of a run: requests answered, zipcodes fetched and
 * failed, 429 answers, retries, and the answers' latency percentiles (null when none came).
 *
 * @param at the end of the second, in epoch milliseconds
 */
public record Sample(long at, int requests, int fetched, int failed, int throttled, int retries, Double p50Ms,
        Double p90Ms, Double p99Ms) {

    boolean idle() {
        return requests == 0 && fetched == 0 && failed == 0 && throttled == 0 && retries == 0;
    }
}
