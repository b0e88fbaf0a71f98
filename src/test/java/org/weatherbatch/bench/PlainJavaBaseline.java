package org.weatherbatch.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The same N requests fanned out with the same concurrency by the HTTP client the job uses
 * (Apache HttpClient 5's minimal client, one blocking request per thread), with nothing
 * else: no Spring, no Batch, no files. What the job is measured against on a noisy machine.
 */
public final class PlainJavaBaseline {

    private PlainJavaBaseline() {
    }

    /** Sends the requests and returns how long they took. */
    public static Duration run(String baseUrl, int requests, int concurrency) throws IOException, InterruptedException {
        try (CloseableHttpClient http = HttpClients.createMinimal(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency).build())) {
            ExecutorService threads = Executors.newFixedThreadPool(concurrency);
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                HttpGet request = new HttpGet(baseUrl + "/data/2.5/weather?zip=" + String.format("%05d", i % 100_000)
                        + ",us&units=imperial&appid=baseline");
                threads.execute(() -> {
                    try {
                        http.execute(request, response -> EntityUtils.toByteArray(response.getEntity()));
                    }
                    catch (IOException e) {
                        failed.incrementAndGet();
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(1, TimeUnit.HOURS);
            if (failed.get() > 0) {
                throw new IOException(failed.get() + " of " + requests + " requests failed");
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    /** Arguments: base URL, requests, concurrency; prints the seconds the requests took, after a warm-up. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int requests = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        run(args[0], Math.min(requests, 2_000), concurrency);
        System.out.println("seconds=" + run(args[0], requests, concurrency).toNanos() / 1e9);
    }
}
