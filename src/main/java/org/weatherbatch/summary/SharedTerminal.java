package org.weatherbatch.summary;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * The terminal shared by the progress bar and the log: a log line first erases the bar,
 * which is drawn again below it, so neither writes over the other (progressbar's own
 * console consumer redraws its line with a carriage return, over whatever the log wrote on
 * it). The log reaches it as standard output, which this replaces while the bar is shown:
 * Logback's console appender writes to whatever System.out is at each write.
 */
public class SharedTerminal extends OutputStream implements ProgressBarConsumer {

    private static final String ERASE_LINE = "\r\033[2K";

    private final PrintStream terminal;

    private final int width;

    private String bar = "";

    private boolean barShown;

    private boolean midLine;

    private PrintStream replaced;

    /** @param terminal where both go; the bar fits the terminal's width */
    public SharedTerminal(PrintStream terminal) {
        this.terminal = terminal;
        this.width = new ConsoleProgressBarConsumer(terminal).getMaxRenderedLength();
    }

    /** Standard output goes through here until {@link #close()}. */
    public SharedTerminal install() {
        replaced = System.out;
        System.setOut(new PrintStream(this, true, StandardCharsets.UTF_8));
        return this;
    }

    /** A new rendering of the bar: drawn at once unless a log line is half written. */
    @Override
    public synchronized void accept(String rendered) {
        bar = rendered;
        if (!midLine) {
            terminal.print(ERASE_LINE + bar);
            terminal.flush();
            barShown = true;
        }
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Log output: the bar makes way for it and comes back below it once its line ends. */
    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (barShown) {
            terminal.print(ERASE_LINE);
            barShown = false;
        }
        terminal.write(bytes, offset, length);
        midLine = bytes[offset + length - 1] != '\n';
        if (!midLine && !bar.isEmpty()) {
            terminal.print(bar);
            barShown = true;
        }
        terminal.flush();
    }

    @Override
    public synchronized void flush() {
        terminal.flush();
    }

    @Override
    public int getMaxRenderedLength() {
        return width;
    }

    /** The bar stays as last drawn, on a line of its own; standard output is given back. */
    @Override
    public synchronized void close() {
        if (barShown) {
            terminal.println();
            barShown = false;
        }
        bar = "";
        if (replaced != null) {
            System.setOut(replaced);
            replaced = null;
        }
    }
}
