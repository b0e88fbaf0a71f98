package org.weatherbatch.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Serves the file-based H2 job repository that this process holds to the read-only commands
 * of other processes on this machine ({@code history}, {@code show}, {@code status},
 * {@code report}; see {@link ServedRepository}): H2 lets one process at a time open the
 * file, and a rate-limited run holds it for hours. H2's TCP server on loopback, with its
 * address and a random key in a file beside the repository that only its owner can read (H2
 * answers a wrong key as a wrong password). Not H2's AUTO_SERVER, which listens on every
 * interface and closes the database at the JVM's exit, before a stopped run has recorded
 * how it ended.
 */
final class RepositoryServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepositoryServer.class);

    private static final String LOOPBACK = "127.0.0.1";

    private final DataSource dataSource;

    /** null when the repository is another database, which every process opens itself. */
    private final JobRepositoryFile repository;

    private Server server;

    private boolean running;

    RepositoryServer(DataSource dataSource, JobRepositoryFile repository) {
        this.dataSource = dataSource;
        this.repository = repository;
    }

    /** The URL of the process serving the repository, when one answers at the address it left. */
    static Optional<String> url(JobRepositoryFile repository, String username, String password) {
        try {
            List<String> address = Files.readAllLines(addressFile(repository));
            String url = "jdbc:h2:tcp://" + address.get(0) + "/" + address.get(1);
            try (Connection answered = DriverManager.getConnection(url, username, password)) {
                return Optional.of(url);
            }
        }
        catch (IOException | SQLException | IndexOutOfBoundsException noneAnswers) {
            return Optional.empty(); // no file, or one left by a process that is gone: the file is free
        }
    }

    /** In the background: a run's first request does not wait for it, and a failure only costs the other commands. */
    @Override
    public synchronized void start() {
        running = true;
        if (repository != null) {
            Thread serving = new Thread(this::serve, "repository-server");
            serving.setDaemon(true);
            serving.start();
        }
    }

    private synchronized void serve() {
        if (!running) {
            return;
        }
        String key = new BigInteger(128, new SecureRandom()).toString(16);
        Path addressFile = addressFile(repository);
        // a connection held meanwhile: the database stays open, whoever else connects
        try (Connection holding = dataSource.getConnection()) {
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-key", key,
                    repository.databaseName()).start();
            Files.deleteIfExists(addressFile);
            Files.createFile(addressFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(addressFile, List.of(LOOPBACK + ":" + server.getPort(), key));
        }
        catch (SQLException | IOException | RuntimeException e) {
            log.warn("Cannot serve the job repository to status, history, show and report while this process "
                    + "holds it: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (server == null) {
            return;
        }
        server.stop();
        server = null;
        try {
            Files.deleteIfExists(addressFile(repository));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + addressFile(repository), e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    private static Path addressFile(JobRepositoryFile repository) {
        return Path.of(repository.databaseName() + ".server");
    }
}
