package org.weatherbatch.summary;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.weatherbatch.config.Durations;
import org.weatherbatch.fetch.ProviderChoice;
import org.weatherbatch.fetch.RateLimits;
import org.weatherbatch.input.StagedZipcodeDao;

/**
 * Says at the start of the fetch step who answers and why, how long the zipcodes left will
 * take at least within the rate limits, and warns when they are more than a day's allowance.
 */
public class FetchTimeEstimate implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(FetchTimeEstimate.class);

    private static final Duration WORTH_SAYING = Duration.ofMinutes(1);

    private final StagedZipcodeDao stagedZipcodes;

    private final FetchPartitions fetchPartitions;

    private final ProviderChoice provider;

    private final RateLimits rateLimits;

    public FetchTimeEstimate(StagedZipcodeDao stagedZipcodes, FetchPartitions fetchPartitions, ProviderChoice provider) {
        this.stagedZipcodes = stagedZipcodes;
        this.fetchPartitions = fetchPartitions;
        this.provider = provider;
        this.rateLimits = provider.limits();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long done = fetchPartitions.total(stepExecution.getJobExecution().getJobInstance());
        long left = stagedZipcodes.count(stepExecution.getJobExecution().getJobInstance().getInstanceId()) - done;
        log.info("Weather from {}", provider);
        Duration least = rateLimits.leastTime(left);
        if (rateLimits.perDay() > 0 && left > rateLimits.perDay()) {
            log.warn("{} zipcodes to fetch are more than the daily allowance of {}: within the limits ({}) "
                    + "the run takes at least {}", left, rateLimits.perDay(), rateLimits, Durations.readable(least));
        }
        else if (least.compareTo(WORTH_SAYING) >= 0) {
            log.info("{} zipcodes to fetch: within the limits ({}) that takes at least {}", left, rateLimits,
                    Durations.readable(least));
        }
    }
}
