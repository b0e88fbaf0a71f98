package org.weatherbatch.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

import org.weatherbatch.config.InvalidOptionException;

/** The input files weather.input names: a file, a folder (its *.csv files) or a glob, in name order. */
public final class InputFiles {

    private static final String OPTION = "weather.input";

    private InputFiles() {
    }

    public static List<Path> of(Path input) {
        if (Files.isDirectory(input)) {
            List<Path> files = matching(input, input.getFileSystem().getPathMatcher("glob:*.{csv,CSV}"));
            if (files.isEmpty()) {
                throw new InvalidOptionException(OPTION, input, "the folder " + input.toAbsolutePath()
                        + " holds no .csv file");
            }
            return files;
        }
        String name = input.getFileName() == null ? "" : input.getFileName().toString();
        if (!name.matches(".*[*?\\[{].*")) {
            return List.of(input);
        }
        Path folder = input.toAbsolutePath().getParent();
        List<Path> files = Files.isDirectory(folder)
                ? matching(folder, input.getFileSystem().getPathMatcher("glob:" + name)) : List.of();
        if (files.isEmpty()) {
            throw new InvalidOptionException(OPTION, input, "no file matches " + name + " in " + folder);
        }
        return files;
    }

    private static List<Path> matching(Path folder, PathMatcher names) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> names.matches(file.getFileName()) && Files.isRegularFile(file))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list the input folder " + folder, e);
        }
    }
}
