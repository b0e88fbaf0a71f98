// A stand-in for OpenWeatherMap on loopback, for the README's report screenshot: it answers
// requests by coordinates with a temperature that falls with latitude (and a little noise),
// 1 zipcode in 70 not found, 1 request in 150 a 500, a 429 burst (Retry-After: 3) after the
// 12,000th request, and 20 to 150 ms of latency. JDK only:
//   java src/tools/ReportDemoStub.java 8089 &
//   zcat src/main/resources/zipcodes/us-zcta-internal-points.csv.gz | cut -d, -f1 > /tmp/zipcodes.csv
//   java -jar target/weather-batch.jar --weather.input=/tmp/zipcodes.csv --weather.api.key=demo \
//     --weather.api.base-url=http://127.0.0.1:8089 --weather.api.lookup=coordinates \
//     --weather.api.requests-per-minute=0 --weather.concurrency=32
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

public class ReportDemoStub {

    private static final String[] CONDITIONS = { "clear sky", "few clouds", "broken clouds", "overcast clouds",
            "light rain", "mist" };

    private static final AtomicLong REQUESTS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/data/2.5/weather", ReportDemoStub::weather);
        server.start();
    }

    private static void weather(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        double lat = Double.parseDouble(query.get("lat"));
        double lon = Double.parseDouble(query.get("lon"));
        long request = REQUESTS.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            Thread.sleep(20 + (long) (random.nextDouble() * random.nextDouble() * 130));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int hash = Math.floorMod(Double.hashCode(lat * 31 + lon), 1000);
        if (request > 12_000 && request < 12_040) {
            answer(exchange, 429, "{\"cod\":429,\"message\":\"Your account is temporary blocked\"}", "3");
        }
        else if (hash % 70 == 3) {
            answer(exchange, 404, "{\"cod\":\"404\",\"message\":\"city not found\"}", null);
        }
        else if (random.nextInt(150) == 0) {
            answer(exchange, 500, "{\"cod\":500,\"message\":\"Internal error\"}", null);
        }
        else {
            double temperature = 88 - (lat - 25) * 1.9 + (lon < -115 ? 6 : 0) + random.nextDouble() * 6;
            answer(exchange, 200, """
                    {"coord":{"lon":%s,"lat":%s},"weather":[{"id":800,"main":"Clear","description":"%s"}],\
                    "main":{"temp":%.2f,"feels_like":%.2f,"pressure":1016,"humidity":%d},"wind":{"speed":%.1f,"deg":%d},\
                    "clouds":{"all":%d},"dt":%d,"name":"","cod":200}""".formatted(lon, lat,
                    CONDITIONS[hash % CONDITIONS.length], temperature, temperature - 2, 30 + hash % 60,
                    2 + hash % 15 / 1.0, hash % 360, hash % 100, System.currentTimeMillis() / 1000 - 600), null);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
