package org.weatherbatch.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file of a file-based H2 job repository, checked before the job repository opens it:
 * H2 takes an empty file, or one cut short to its headers, for a new database, so a damaged
 * repository would be opened as an empty one and every completed run done again.
 */
final class JobRepositoryFile {

    private static final String H2_FILE_URL = "jdbc:h2:file:";

    private static final String MV_SUFFIX = ".mv.db";

    /** H2 writes a new file's two 4 KiB headers first, and names a chunk in them once it has written one. */
    private static final int HEADERS_SIZE = 2 * 4096;

    /** H2's ErrorCode FILE_CORRUPTED_1, IO_EXCEPTION_1 (cut short) and GENERAL_ERROR_1 (a page unreadable). */
    private static final Set<Integer> H2_UNREADABLE = Set.of(90030, 90028, 50000);

    /** H2's ErrorCode DATABASE_IS_READ_ONLY: opened read-only, it found no database and would create one. */
    private static final int H2_NOTHING_TO_READ = 90097;

    /** Spring Batch's table of executions, which every job repository has from its first start. */
    private static final String EXECUTIONS_TABLE = "BATCH_JOB_EXECUTION";

    private final Path file;

    private final String url;

    private final String username;

    private final String password;

    private JobRepositoryFile(Path file, String url, String username, String password) {
        this.file = file;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** The repository's file when the URL is a file-based H2 one; empty for any other database. */
    static Optional<JobRepositoryFile> of(String url, String username, String password) {
        if (url == null || !url.startsWith(H2_FILE_URL)) {
            return Optional.empty();
        }
        String name = url.substring(H2_FILE_URL.length()).split(";", 2)[0];
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(new JobRepositoryFile(Path.of(name + MV_SUFFIX).normalize(), url, username, password));
    }

    /** The repository's file when one process at a time opens it (see {@link #opensAlone}); empty otherwise. */
    static Optional<JobRepositoryFile> openedAlone(String url, String username, String password) {
        return opensAlone(url) ? of(url, username, password) : Optional.empty();
    }

    /** Whether one process at a time can open the database at that URL: a file-based H2 not shared by AUTO_SERVER. */
    static boolean opensAlone(String url) {
        return url.startsWith(H2_FILE_URL) && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
    }

    /** The database's name as H2 knows it: the file's absolute path without its suffix. */
    String databaseName() {
        String path = file.toAbsolutePath().normalize().toString();
        return path.substring(0, path.length() - MV_SUFFIX.length());
    }

    /** Passes a new repository, or one that holds Spring Batch's tables; refuses a damaged one. */
    void checkIntact() {
        if (!Files.exists(file) || neverWritten()) {
            return;
        }
        if (size() == 0) {
            throw new JobRepositoryDamagedException(file, "it is empty (0 bytes)");
        }
        // read-only: H2 would otherwise write a new, empty database over what is left of the old one
        try (Connection db = DriverManager.getConnection(url + ";ACCESS_MODE_DATA=r", username, password);
                ResultSet executions = db.getMetaData().getTables(null, null, EXECUTIONS_TABLE, null)) {
            if (!executions.next()) {
                throw new JobRepositoryDamagedException(file, "it holds a database without Spring Batch's tables");
            }
        }
        catch (SQLException e) {
            Optional<String> damage = damage(e);
            if (damage.isPresent()) {
                throw new JobRepositoryDamagedException(file, damage.get());
            }
            // anything else (another process has it open, a wrong password) is told when the job repository opens
        }
    }

    /** The headers of a database that was never written to: a first start stopped while H2 created it. */
    private boolean neverWritten() {
        if (size() != HEADERS_SIZE) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return !new String(in.readNBytes(HEADERS_SIZE / 2), StandardCharsets.ISO_8859_1).contains(",chunk:");
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** What H2 says is wrong with the file's content; empty when it is not the content but access to the file. */
    private static Optional<String> damage(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileSystemException) {
                return Optional.empty();
            }
        }
        if (e.getErrorCode() == H2_NOTHING_TO_READ) {
            return Optional.of("H2 finds no database in it");
        }
        return H2_UNREADABLE.contains(e.getErrorCode())
                ? Optional.of("H2 cannot read it (" + e.getMessage().lines().findFirst().orElse("") + ")")
                : Optional.empty();
    }

    private long size() {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }
}
