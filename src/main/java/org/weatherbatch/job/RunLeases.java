package org.weatherbatch.job;

import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.Utils;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.DigestUtils;
import org.springframework.util.function.SingletonSupplier;
import org.weatherbatch.fetch.RunStop;

/**
 * The leases on runs, kept in the job repository's database (ShedLock's JDBC lock provider,
 * in the database's time, table WEATHER_RUN_LEASE) so that every host sharing the repository
 * sees them. A lease lasts weather.lock.lease and is renewed while its run is alive; a host
 * that dies (SIGKILL, power loss) stops renewing it, and once it has run out another host
 * may take the run over.
 */
final class RunLeases implements AutoCloseable {

    private static final String TABLE = "WEATHER_RUN_LEASE";

    private final JdbcTemplateLockProvider provider;

    private final JdbcClient jdbc;

    private final Duration lease;

    /** The database's time as ShedLock writes it (its ServerTimeStatementsSource): UTC on PostgreSQL. */
    private final SingletonSupplier<String> now;

    private final boolean singleProcess;

    private final RunStop stop;

    /** The runs whose lease this process holds: it never takes one twice. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService renewals;

    /**
     * @param singleProcess whether the database is one that a single process at a time can
     *        open (a file-based H2): any lease found there that this process does not hold
     *        was left by a process that is gone
     */
    RunLeases(DataSource dataSource, Duration lease, boolean singleProcess, RunStop stop) {
        this.provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLE)
                .withLockedByValue(ProcessHandle.current().pid() + "@" + Utils.getHostname())
                .usingDbTime()
                .build());
        this.jdbc = JdbcClient.create(dataSource);
        this.now = SingletonSupplier.of(() -> databaseNow(dataSource)); // asked by status only, not at every start
        this.lease = lease;
        this.singleProcess = singleProcess;
        this.stop = stop;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("lease-");
        threads.setDaemon(true);
        this.renewals = Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** Takes the run's lease, or returns empty when a live process (this one included) holds it. */
    Optional<RunLease> tryAcquire(String run) {
        String name = name(run);
        if (!held.add(name)) {
            return Optional.empty();
        }
        try {
            if (singleProcess) {
                // ended rather than deleted: ShedLock remembers which rows it has made, and only updates those
                jdbc.sql("UPDATE " + TABLE + " SET LOCK_UNTIL = LOCKED_AT WHERE NAME = ?").param(name).update();
            }
            Optional<SimpleLock> lock = provider.lock(new LockConfiguration(Instant.now(), name, lease,
                    Duration.ZERO));
            if (lock.isEmpty()) {
                held.remove(name);
                return Optional.empty();
            }
            return Optional.of(new RunLease(run, lock.get(), lease, renewals, stop::raise,
                    () -> held.remove(name)));
        }
        catch (RuntimeException e) {
            held.remove(name);
            throw e;
        }
    }

    /** Who holds the run's lease (process id @ host), for the operator. */
    String holder(String run) {
        return jdbc.sql("SELECT LOCKED_BY FROM " + TABLE + " WHERE NAME = ?").param(name(run))
                .query(String.class).optional().orElse("unknown");
    }

    /**
     * The live process (process id @ host) holding the run's lease, in the database's time;
     * none when the lease has run out, or when this process has the database to itself.
     */
    Optional<String> liveHolder(JobParameters run) {
        if (singleProcess) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT LOCKED_BY FROM " + TABLE + " WHERE NAME = ? AND LOCK_UNTIL > " + now.obtain())
                .param(name(RunParameters.name(run))).query(String.class).optional();
    }

    /** The lease's name: the run's name can be longer than ShedLock's 64 characters. */
    private static String name(String run) {
        return "run-" + DigestUtils.md5DigestAsHex(run.getBytes(StandardCharsets.UTF_8));
    }

    private static String databaseNow(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                    .equals("PostgreSQL") ? "timezone('utc', CURRENT_TIMESTAMP)" : "CURRENT_TIMESTAMP(3)";
        }
        catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell the job repository's database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }
}
