package org.weatherbatch.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.function.SingletonSupplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a self-contained page: a template from src/main/resources/report with its data
 * inlined as JSON and uPlot's script and style inlined from its webjar, so that the page
 * opens from disk with nothing to fetch. Files are written beside their name, then renamed
 * over it, so a browser never opens half a page.
 */
public class PageTemplate {

    private static final String UPLOT = "classpath*:META-INF/resources/webjars/uplot/*/dist/";

    private static final String DATA = "/*DATA*/";

    private final JsonMapper json = JsonMapper.builder().build();

    // read when the first page is written, not at every start
    private final Supplier<String> uplotScript = SingletonSupplier.of(() -> webjarFile("uPlot.iife.min.js"));

    private final Supplier<String> uplotStyle = SingletonSupplier.of(() -> webjarFile("uPlot.min.css"));

    /** Writes the template filled with the data to the file, the data streamed: a large night's JSON is megabytes. */
    public void write(String template, Object data, Path file) {
        String page = text(new ClassPathResource("report/" + template))
                .replace("/*UPLOT_STYLE*/", uplotStyle.get())
                .replace("/*UPLOT_SCRIPT*/", uplotScript.get());
        int at = page.indexOf(DATA);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write(page, 0, at);
                json.writeValue(new ScriptSafeWriter(out), data);
                out.write(page, at + DATA.length(), page.length() - at - DATA.length());
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException | JacksonException e) {
            try {
                Files.deleteIfExists(partial); // a full disk leaves no half page behind
            }
            catch (IOException ignored) {
                // the write's failure is the one to tell
            }
            throw new UncheckedIOException("Cannot write " + file,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    /**
     * Writes JSON into a script element: "<" only occurs inside JSON strings, where its unicode
     * escape is the same, so no "</script>" can end the data. Closing it leaves the page's writer open.
     */
    private static final class ScriptSafeWriter extends FilterWriter {

        ScriptSafeWriter(Writer page) {
            super(page);
        }

        @Override
        public void write(int c) throws IOException {
            if (c == '<') {
                out.write("\\u003c");
            }
            else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] text, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(text[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(text.charAt(i));
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static String webjarFile(String name) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(UPLOT + name);
            if (found.length != 1) {
                throw new IllegalStateException("Expected one " + name + " of uPlot's webjar on the classpath, found "
                        + found.length);
            }
            return text(found[0]);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read uPlot's " + name, e);
        }
    }

    private static String text(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
