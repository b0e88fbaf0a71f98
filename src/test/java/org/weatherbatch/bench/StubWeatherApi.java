package org.weatherbatch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load-test stand-in for OpenWeatherMap on loopback: every request to
 * {@code /data/2.5/weather} is answered 200 with a fixed body after a {@link Latency} drawn
 * for it, without holding a thread while it waits. {@code GET /stats} answers the number of
 * requests and the time of the first (epoch ms); {@code GET /reset} starts over, the
 * latency's draws too.
 * JDK only, so that it starts fast and costs little CPU beside the job it serves.
 * Run with -Dsun.net.httpserver.nodelay=true, or each answer waits 40 ms more.
 */
public final class StubWeatherApi {

    private static final byte[] BODY = """
            {"coord":{"lon":-71.13,"lat":42.35},"weather":[{"id":803,"main":"Clouds","description":"broken clouds",\
            "icon":"04d"}],"base":"stations","main":{"temp":58.21,"feels_like":56.37,"temp_min":55.04,"temp_max":60.89,\
            "pressure":1018,"humidity":62},"visibility":10000,"wind":{"speed":9.22,"deg":240},"clouds":{"all":75},\
            "dt":1700000000,"sys":{"country":"US","sunrise":1699961000,"sunset":1699997000},"timezone":-18000,"id":0,\
            "name":"Benchtown","cod":200}""".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2, StubWeatherApi::daemon);

    private final ExecutorService handlers = Executors.newFixedThreadPool(2, StubWeatherApi::daemon);

    private final Latency latency;

    private final AtomicLong requests = new AtomicLong();

    private final AtomicLong firstRequestMillis = new AtomicLong();

    public StubWeatherApi(int port, Latency latency) throws IOException {
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.setExecutor(handlers);
        server.createContext("/data/2.5/weather", this::weather);
        server.createContext("/stats", exchange -> answer(exchange, (requests.get() + " " + firstRequestMillis.get())
                .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/reset", exchange -> {
            requests.set(0);
            firstRequestMillis.set(0);
            latency.restart();
            answer(exchange, new byte[0]);
        });
    }

    public int start() {
        server.start();
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        answers.shutdownNow();
        handlers.shutdownNow();
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "stub");
        thread.setDaemon(true);
        return thread;
    }

    private void weather(HttpExchange exchange) throws IOException {
        firstRequestMillis.compareAndSet(0, System.currentTimeMillis());
        requests.incrementAndGet();
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        answers.schedule(() -> answer(exchange, BODY), latency.nextMicros(), TimeUnit.MICROSECONDS);
    }

    private static void answer(HttpExchange exchange, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
        catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** Arguments: port (0 for a free one) and latency in ms; prints the port. */
    public static void main(String[] args) throws IOException, InterruptedException {
        StubWeatherApi stub = new StubWeatherApi(Integer.parseInt(args[0]),
                new Latency.Fixed(Double.parseDouble(args[1])));
        System.out.println("port=" + stub.start());
        new java.util.concurrent.CountDownLatch(1).await(); // serve until killed
    }
}
