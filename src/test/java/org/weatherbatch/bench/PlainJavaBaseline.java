package org.weatherbatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The same N requests fanned out with the same concurrency by a bare JDK HttpClient: no
 * Spring, no Batch, no files. What the job is measured against on a noisy machine.
 */
public final class PlainJavaBaseline {

    private PlainJavaBaseline() {
    }

    /** Sends the requests and returns how long they took. */
    public static Duration run(String baseUrl, int requests, int concurrency) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore inFlight = new Semaphore(concurrency);
        CompletableFuture<?>[] all = new CompletableFuture<?>[requests];
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/data/2.5/weather?zip="
                    + String.format("%05d", i % 100_000) + ",us&units=imperial&appid=baseline")).build();
            all[i] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> inFlight.release());
        }
        CompletableFuture.allOf(all).join();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Arguments: base URL, requests, concurrency; prints the seconds the requests took, after a warm-up. */
    public static void main(String[] args) throws InterruptedException {
        int requests = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        run(args[0], Math.min(requests, 2_000), concurrency);
        System.out.println("seconds=" + run(args[0], requests, concurrency).toNanos() / 1e9);
    }
}
