package org.weatherbatch.job;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The stub's rate limit, as the real API enforces its plan's: a request beyond the limit
 * in the trailing five seconds is answered 429. Off unless a test sets a limit. Also records
 * when each request arrived, to look for bursts.
 */
final class PlanRateLimit implements ResponseDefinitionTransformerV2 {

    private static final long WINDOW = TimeUnit.SECONDS.toNanos(5);

    private static int limitPerWindow;

    private static final Deque<Long> window = new ArrayDeque<>();

    private static final List<Long> arrivals = new ArrayList<>();

    private static int refused;

    /**
     * Answers 429 beyond this many requests in any five seconds; 0 for no limit. A window
     * many times the client's spacing, as a plan's minute is, so that a pause of the test
     * JVM (which hosts the stub) does not bunch enough requests to tip it.
     */
    static synchronized void enforce(int requestsPerFiveSeconds) {
        limitPerWindow = requestsPerFiveSeconds;
        window.clear();
        arrivals.clear();
        refused = 0;
    }

    static synchronized int refused() {
        return refused;
    }

    /** The most requests that arrived within any span of the given length. */
    static synchronized int mostWithin(long span, TimeUnit unit) {
        long nanos = unit.toNanos(span);
        int most = 0;
        for (int first = 0, last = 0; last < arrivals.size(); last++) {
            while (arrivals.get(last) - arrivals.get(first) >= nanos) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        synchronized (PlanRateLimit.class) {
            if (limitPerWindow == 0) {
                return serveEvent.getResponseDefinition();
            }
            long now = System.nanoTime();
            arrivals.add(now);
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW) {
                window.removeFirst();
            }
            window.addLast(now);
            if (window.size() > limitPerWindow) {
                refused++;
                return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                        .withBody("{\"cod\":429, \"message\": \"Your account is temporary blocked due to exceeding of "
                                + "requests limitation of your subscription type.\"}")
                        .build();
            }
            return serveEvent.getResponseDefinition();
        }
    }

    @Override
    public String getName() {
        return "plan-rate-limit";
    }
}
