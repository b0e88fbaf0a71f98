package org.weatherbatch.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarConsumer;

import org.junit.jupiter.api.Test;

class SharedTerminalTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    private final SharedTerminal terminal = new SharedTerminal(new PrintStream(written, true, StandardCharsets.UTF_8));

    @Test
    void logLinesAndTheBarNeverWriteOverEachOther() {
        terminal.accept("Fetching 10% [=   ]");
        log("INFO first line\n");
        terminal.accept("Fetching 20% [==  ]");
        log("INFO second ");
        terminal.accept("Fetching 30% [=== ]"); // while a line is half written
        log("line\n");
        terminal.close();

        assertThat(screen()).containsExactly("INFO first line", "INFO second line", "Fetching 30% [=== ]");
    }

    @Test
    void standardOutputGoesThroughItWhileTheBarIsShown() {
        PrintStream before = System.out;
        terminal.install();
        try {
            terminal.accept("Fetching 50% [==  ]");
            System.out.print("WARN through System.out\n");
        }
        finally {
            terminal.close();
        }

        assertThat(System.out).isSameAs(before);
        assertThat(screen()).containsExactly("WARN through System.out", "Fetching 50% [==  ]");
    }

    /** After a restart the rate counts this execution's zipcodes, not the 9,000 done before it. */
    @Test
    void theBarsRateCountsOnlyThisExecutionsWork() throws InterruptedException {
        List<String> renders = new ArrayList<>();
        ProgressBar bar = ProgressReport.bar(10_000, 9_000, new Capture(renders));
        Thread.sleep(1_100);
        bar.stepTo(9_100);
        bar.close();

        Matcher speed = Pattern.compile("([0-9.]+) zipcodes/s").matcher(renders.get(renders.size() - 1));
        assertThat(speed.find()).isTrue();
        assertThat(Double.parseDouble(speed.group(1))).isBetween(50.0, 100.0);
    }

    private void log(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        terminal.write(bytes, 0, bytes.length);
    }

    /** The lines a terminal shows: a carriage return goes back to the line's start, ESC[2K erases it. */
    private List<String> screen() {
        List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
        int column = 0;
        String text = written.toString(StandardCharsets.UTF_8).replace("\033[2K", "\u0000");
        for (char c : text.toCharArray()) {
            StringBuilder line = lines.get(lines.size() - 1);
            switch (c) {
                case '\r' -> column = 0;
                case '\u0000' -> line.setLength(0);
                case '\n' -> {
                    lines.add(new StringBuilder());
                    column = 0;
                }
                default -> {
                    if (column < line.length()) {
                        line.setCharAt(column, c);
                    }
                    else {
                        line.append(c);
                    }
                    column++;
                }
            }
        }
        return lines.stream().map(StringBuilder::toString).filter(line -> !line.isEmpty()).toList();
    }

    private record Capture(List<String> renders) implements ProgressBarConsumer {

        @Override
        public int getMaxRenderedLength() {
            return 200;
        }

        @Override
        public void accept(String rendered) {
            renders.add(rendered);
        }

        @Override
        public void close() {
        }
    }
}
