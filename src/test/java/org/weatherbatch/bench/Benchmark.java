package org.weatherbatch.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged job against {@link StubWeatherApi} in the scenarios of the performance
 * targets and prints one table. Each run is a process of its own, as operators run it; peak
 * RSS is the process's VmHWM and CPU s its CPU time, both read from /proc while it runs;
 * steal is the share of the machine's time that its hypervisor gave to other machines during
 * the run; the plain-Java baseline is a process too, with the same JVM options. Arguments:
 * the launcher (bin/weather-batch, which runs the fast launch), the jar (for the java -jar
 * row), a work folder and, optionally, a Java 25 (or later) java command, its AOT cache of
 * the job and the extracted jar, for one more row. The system property {@code bench.only}
 * picks scenarios by the number before the colon of their names, comma-separated (e.g.
 * {@code 1,3a}); all by default.
 */
public final class Benchmark {

    /** JIT and GC as the README recommends for the job: C1 only (short-lived, 2 cores), serial GC. */
    static final List<String> FAST_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Pattern FETCH_STEP = Pattern.compile("fetch step: (\\d+) requests in ([0-9.]+) s");

    private static final Pattern BASELINE = Pattern.compile("seconds=([0-9.]+)");

    private final Path work;

    private final String baseUrl;

    private Benchmark(Path work, int port) {
        this.work = work;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /**
     * How the job's process is started: the command before the job's arguments, and the jar
     * when it is a java command (null for the launcher, which takes JVM options in JAVA_OPTS).
     */
    record Launch(List<String> command, String jar) {

        /** bin/weather-batch, as the README runs the job. */
        static Launch launcher(String script) {
            return new Launch(List.of(script), null);
        }

        /** A java command with these options before -jar. */
        static Launch java(String java, List<String> options, String jar) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(options);
            return new Launch(command, jar);
        }

        ProcessBuilder start(String heap, List<String> jobArguments) {
            ProcessBuilder process = new ProcessBuilder();
            process.environment().remove("JAVA_OPTS");
            List<String> command = new ArrayList<>(command());
            if (jar == null && heap != null) {
                process.environment().put("JAVA_OPTS", "-Xmx" + heap);
            }
            else if (jar != null) {
                if (heap != null) {
                    command.add("-Xmx" + heap);
                }
                command.addAll(List.of("-jar", jar));
            }
            command.addAll(jobArguments);
            return process.command(command);
        }
    }

    /**
     * @param runs how many times to run it: the run of median wall time is reported
     * @param baseline whether to run the plain-Java baseline too, for the ÷ plain column
     */
    record Scenario(String name, int lines, Latency latency, int concurrency, Launch launch, String heap, int runs,
            boolean baseline) {

        boolean numbered(String number) {
            return name.startsWith(number + ":");
        }

        int requests() {
            return Math.min(lines, 100_000);
        }
    }

    /**
     * @param stepSeconds the fetch phase as the targets measure it: from the first fetch partition's start to the
     *        last one's end, plus the merge step
     * @param setupSeconds the rest of the fetch step: splitting the input into partitions (their step executions
     *        recorded) before the first starts, and gathering them after the last ends
     */
    record Result(Scenario scenario, double wallSeconds, double stepSeconds, double setupSeconds, long requests,
            double startupSeconds, double firstLogSeconds, long peakRssKb, double cpuSeconds, double stealShare,
            Double baselineSeconds) {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[2]);
        Files.createDirectories(work);
        String java = java();
        Launch fast = Launch.launcher(args[0]);
        List<Scenario> scenarios = new ArrayList<>(List.of(
                new Scenario("1: throughput", 10_000, new Latency.Fixed(50), 64, fast, null, 1, true),
                new Scenario("1: java -jar", 10_000, new Latency.Fixed(50), 64, Launch.java(java, List.of(), args[1]),
                        null, 1, false),
                // a few seconds of wall time, of which startup is half: one run says little on a noisy machine
                new Scenario("2: whole process", 10_000, new Latency.Fixed(50), 256, fast, null, 3, false),
                new Scenario("3a: memory, 10k", 10_000, new Latency.Fixed(1), 64, fast, "256m", 1, false),
                new Scenario("3b: memory, 1M", 1_000_000, new Latency.Fixed(1), 64, fast, "256m", 1, false)));
        if (args.length > 4) {
            List<String> options = new ArrayList<>(FAST_JVM);
            options.addAll(List.of("-XX:AOTCache=" + args[4], "-Dspring.aot.enabled=true"));
            scenarios.add(new Scenario("2: on Java 25", 10_000, new Latency.Fixed(50), 256,
                    Launch.java(args[3], options, args[5]), null, 3, false));
        }
        scenarios.add(new Scenario("5: slow tail", 10_000, SlowTailLatency.apiLike(), 64, fast, null, 1, true));
        scenarios.removeIf(scenario -> !chosen(scenario));
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario numbered " + System.getProperty("bench.only"));
        }
        warmUpTheStub();
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            StubWeatherApi stub = new StubWeatherApi(0, scenario.latency());
            Benchmark bench = new Benchmark(work, stub.start());
            Double baseline = scenario.baseline() ? bench.baseline(scenario) : null;
            List<Result> runs = new ArrayList<>();
            for (int i = 0; i < scenario.runs(); i++) {
                bench.get("/reset");
                runs.add(bench.run(scenario, baseline));
                System.out.println(runs.get(i));
            }
            stub.stop();
            runs.sort(Comparator.comparingDouble(Result::wallSeconds));
            results.add(runs.get(runs.size() / 2));
        }
        print(results);
    }

    private static boolean chosen(Scenario scenario) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || Arrays.stream(only.split(","))
                .anyMatch(number -> scenario.numbered(number.strip()));
    }

    /** The stub stands for a remote API, which is always warm: its code is compiled before anything is measured. */
    private static void warmUpTheStub() throws Exception {
        StubWeatherApi stub = new StubWeatherApi(0, new Latency.Fixed(1));
        PlainJavaBaseline.run("http://127.0.0.1:" + stub.start(), 20_000, 64);
        stub.stop();
    }

    private double baseline(Scenario scenario) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(FAST_JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainJavaBaseline.class.getName(),
                baseUrl, String.valueOf(scenario.requests()), String.valueOf(scenario.concurrency())));
        String output = new String(new ProcessBuilder(command).redirectErrorStream(true).start().getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        Matcher seconds = BASELINE.matcher(output);
        if (!seconds.find()) {
            throw new IllegalStateException("the baseline failed: " + output);
        }
        return Double.parseDouble(seconds.group(1));
    }

    private Result run(Scenario scenario, Double baseline) throws Exception {
        Path input = input(scenario.lines());
        Path runDir = Files.createTempDirectory(work, "run-");
        List<String> arguments = List.of(
                "--weather.input=" + input,
                "--weather.output-dir=" + runDir.resolve("output"),
                "--weather.state-dir=" + runDir.resolve("state"),
                "--weather.api.base-url=" + baseUrl,
                "--weather.api.key=bench",
                "--weather.api.requests-per-minute=0",
                "--weather.concurrency=" + scenario.concurrency());
        Path log = runDir.resolve("job.log");
        long[] machineBefore = machineTicks();
        long launched = System.currentTimeMillis();
        long started = System.nanoTime();
        Process job = scenario.launch().start(scenario.heap(), arguments).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long peakRssKb = 0;
        Duration cpu = Duration.ZERO;
        double firstLog = Double.NaN;
        while (job.isAlive()) {
            peakRssKb = Math.max(peakRssKb, peakRss(job.pid()));
            cpu = job.info().totalCpuDuration().orElse(cpu);
            if (Double.isNaN(firstLog) && Files.size(log) > 0) {
                firstLog = (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(10);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        String output = Files.readString(log);
        Matcher fetch = FETCH_STEP.matcher(output);
        if (job.exitValue() != 0 || !fetch.find()) {
            throw new IllegalStateException("the job failed in scenario " + scenario.name() + ":\n" + output);
        }
        String[] stats = get("/stats").split(" ");
        double fetchPhase = fetchPhase(runDir.resolve("state"));
        return new Result(scenario, wall, fetchPhase, Double.parseDouble(fetch.group(2)) - fetchPhase,
                Long.parseLong(fetch.group(1)), (Long.parseLong(stats[1]) - launched) / 1000.0, firstLog, peakRssKb,
                cpu.toNanos() / 1e9, stealShare(machineBefore, machineTicks()), baseline);
    }

    /** From the job repository of a run's own state folder: its first partition's start to its last one's end, plus the merge. */
    private static double fetchPhase(Path state) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + state.resolve("job-repository"), "sa", "");
                ResultSet phase = db.createStatement().executeQuery("""
                        SELECT (SELECT DATEDIFF(MICROSECOND, MIN(START_TIME), MAX(END_TIME)) FROM BATCH_STEP_EXECUTION
                                WHERE STEP_NAME LIKE 'fetchWeatherPartition:%'),
                            (SELECT DATEDIFF(MICROSECOND, START_TIME, END_TIME) FROM BATCH_STEP_EXECUTION
                                WHERE STEP_NAME = 'mergeOutputs')""")) {
            phase.next();
            return (phase.getLong(1) + phase.getLong(2)) / 1e6;
        }
    }

    /** N lines of zipcodes; at most 100,000 distinct 5-digit ones, so larger inputs repeat them. */
    private Path input(int lines) throws IOException {
        Path input = work.resolve("bench-" + lines + ".csv").toAbsolutePath();
        if (!Files.exists(input)) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(input, StandardCharsets.UTF_8))) {
                for (int i = 0; i < lines; i++) {
                    out.printf("%05d%n", i % 100_000);
                }
            }
        }
        return input;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The machine's CPU time so far, in ticks, by kind (user, nice, system, idle, iowait, irq, softirq, steal). */
    private static long[] machineTicks() throws IOException {
        String all = Files.readAllLines(Path.of("/proc/stat")).get(0); // "cpu  3752407 1295 247812 …"
        return Arrays.stream(all.split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
    }

    /** The share of the machine's time that its hypervisor gave to other machines (steal) between the two readings. */
    private static double stealShare(long[] before, long[] after) {
        long total = 0;
        for (int i = 0; i < before.length; i++) {
            total += after[i] - before[i];
        }
        return total == 0 ? 0 : (double) (after[7] - before[7]) / total;
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

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void print(List<Result> results) {
        System.out.printf("%n%-17s %9s %5s %4s %8s %7s %7s %7s %6s %8s %8s %8s %8s %9s %6s %6s%n", "scenario",
                "lines", "L ms", "C", "requests", "wall s", "step s", "setup s", "req/s", "÷ ideal", "÷ plain",
                "1st log", "1st req", "peak RSS", "CPU s", "steal");
        for (Result r : results) {
            Scenario s = r.scenario();
            double ideal = r.requests() * s.latency().meanMillis() / 1000 / s.concurrency();
            System.out.printf("%-17s %9d %5.0f %4d %8d %7.2f %7.2f %7.2f %6.0f %8.2f %8s %7.2fs %7.2fs %6d MB %6.2f %5.0f%%%n",
                    s.name(),
                    s.lines(), s.latency().meanMillis(), s.concurrency(), r.requests(), r.wallSeconds(),
                    r.stepSeconds(), r.setupSeconds(), r.requests() / r.stepSeconds(), r.stepSeconds() / ideal,
                    r.baselineSeconds() == null ? "" : String.format("%.2f", r.stepSeconds() / r.baselineSeconds()),
                    r.firstLogSeconds(), r.startupSeconds(), r.peakRssKb() / 1024, r.cpuSeconds(),
                    r.stealShare() * 100);
        }
        results.stream().filter(r -> r.baselineSeconds() != null).forEach(r -> System.out.printf(
                "plain-Java baseline of %s (the same HTTP client, same N, C and stub, same JVM options): %.2f s%n",
                r.scenario().name(), r.baselineSeconds()));
        results.stream().filter(r -> !(r.scenario().latency() instanceof Latency.Fixed)).forEach(r -> System.out.printf(
                "latency of %s, drawn per request (L ms is its mean): %s%n", r.scenario().name(), r.scenario().latency()));
        if (results.stream().anyMatch(r -> r.scenario().runs() > 1)) {
            System.out.println("rows 2: the run of median wall time of 3");
        }
        Optional<Result> small = row(results, "3a");
        Optional<Result> large = row(results, "3b");
        if (small.isPresent() && large.isPresent()) {
            System.out.printf("peak RSS, 1M lines ÷ 10k lines: %.2f%n",
                    (double) large.get().peakRssKb() / small.get().peakRssKb());
        }
        System.out.flush();
    }

    private static Optional<Result> row(List<Result> results, String number) {
        return results.stream().filter(r -> r.scenario().numbered(number)).findFirst();
    }
}
