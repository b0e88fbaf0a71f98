package org.weatherbatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged job against {@link StubWeatherApi} in the scenarios of the performance
 * targets and prints one table. Each scenario runs the job as a separate process, as
 * operators do; peak RSS is the process's VmHWM, read from /proc while it runs.
 * Arguments: the job's jar and a work folder.
 */
public final class Benchmark {

    private static final Pattern FETCH_STEP = Pattern.compile("fetch step: (\\d+) requests in ([0-9.]+) s");

    private final Path jar;

    private final Path work;

    private final String baseUrl;

    private final StubWeatherApi stub;

    private Benchmark(Path jar, Path work, StubWeatherApi stub, int port) {
        this.jar = jar;
        this.work = work;
        this.stub = stub;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    record Scenario(String name, int lines, double latencyMs, int concurrency, String heap) {
    }

    record Result(Scenario scenario, int exitCode, double wallSeconds, double stepSeconds, long requests,
            double startupSeconds, long peakRssKb) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Files.createDirectories(work);
        List<Scenario> scenarios = List.of(
                new Scenario("1: throughput", 10_000, 50, 64, null),
                new Scenario("2: whole process", 10_000, 50, 256, null),
                new Scenario("3a: memory, small", 10_000, 1, 64, "256m"),
                new Scenario("3b: memory, large", 1_000_000, 1, 64, "256m"));
        List<Result> results = new ArrayList<>();
        double baselineSeconds = 0;
        for (Scenario scenario : scenarios) {
            StubWeatherApi stub = new StubWeatherApi(0, Math.round(scenario.latencyMs() * 1000));
            Benchmark bench = new Benchmark(jar, work, stub, stub.start());
            if (scenario.name().startsWith("1")) {
                PlainJavaBaseline.run(bench.baseUrl, 2_000, scenario.concurrency()); // warm-up
                baselineSeconds = PlainJavaBaseline.run(bench.baseUrl, scenario.lines(), scenario.concurrency())
                        .toNanos() / 1e9;
                bench.reset();
            }
            results.add(bench.run(scenario));
            stub.stop();
            System.out.println(results.get(results.size() - 1));
        }
        print(results, baselineSeconds);
    }

    private Result run(Scenario scenario) throws Exception {
        Path input = work.resolve("bench-" + scenario.lines() + ".csv");
        if (!Files.exists(input)) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(input, StandardCharsets.UTF_8))) {
                // at most 100,000 distinct 5-digit zipcodes: larger inputs repeat them
                for (int i = 0; i < scenario.lines(); i++) {
                    out.printf("%05d%n", i % 100_000);
                }
            }
        }
        Path runDir = Files.createTempDirectory(work, "run-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (scenario.heap() != null) {
            command.add("-Xmx" + scenario.heap());
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--weather.input=" + input.toAbsolutePath(),
                "--weather.output-dir=" + runDir.resolve("output"),
                "--weather.state-dir=" + runDir.resolve("state"),
                "--weather.api.base-url=" + baseUrl,
                "--weather.api.key=bench",
                "--weather.api.requests-per-minute=0",
                "--weather.concurrency=" + scenario.concurrency()));
        long launched = System.currentTimeMillis();
        long started = System.nanoTime();
        Process job = new ProcessBuilder(command).redirectErrorStream(true).start();
        long peakRssKb = 0;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8))) {
            Thread reader = new Thread(() -> lines.lines().forEach(line -> output.append(line).append('\n')));
            reader.start();
            while (job.isAlive()) {
                peakRssKb = Math.max(peakRssKb, peakRss(job.pid()));
                Thread.sleep(20);
            }
            reader.join();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        Matcher fetch = FETCH_STEP.matcher(output);
        if (job.exitValue() != 0 || !fetch.find()) {
            System.err.println(output);
            throw new IllegalStateException("the job failed in scenario " + scenario.name());
        }
        String[] stats = get("/stats").split(" ");
        double startup = (Long.parseLong(stats[1]) - launched) / 1000.0;
        return new Result(scenario, job.exitValue(), wall, Double.parseDouble(fetch.group(2)),
                Long.parseLong(fetch.group(1)), startup, peakRssKb);
    }

    private static long peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        catch (IOException | RuntimeException gone) {
            // the process ended between two looks
        }
        return 0;
    }

    private void reset() throws Exception {
        get("/reset");
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void print(List<Result> results, double baselineSeconds) {
        System.out.printf("%n%-18s %9s %6s %5s %6s %8s %8s %8s %10s %12s %9s %9s%n", "scenario", "lines", "L ms", "C",
                "chunk", "wall s", "step s", "req/s", "step/ideal", "step/baseln", "startup s", "peak RSS");
        for (Result r : results) {
            Scenario s = r.scenario();
            double ideal = r.requests() * s.latencyMs() / 1000 / s.concurrency();
            System.out.printf("%-18s %9d %6.0f %5d %6d %8.2f %8.2f %8.0f %10.2f %12s %9.2f %7d MB%n", s.name(),
                    s.lines(), s.latencyMs(), s.concurrency(), s.concurrency() * 4, r.wallSeconds(), r.stepSeconds(),
                    r.requests() / r.stepSeconds(), r.stepSeconds() / ideal,
                    s.name().startsWith("1") ? String.format("%.2f", r.stepSeconds() / baselineSeconds) : "",
                    r.startupSeconds(), r.peakRssKb() / 1024);
        }
        System.out.printf("plain-Java baseline, scenario 1: %.2f s; RSS ratio 3b/3a: %.2f%n", baselineSeconds,
                (double) results.get(3).peakRssKb() / results.get(2).peakRssKb());
        System.out.flush();
    }
}
