package org.weatherbatch.fetch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.sql.DataSource;

import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * The bucket of a provider's rate limits in a PostgreSQL job repository (Bucket4j's PostgreSQL
 * backend, table WEATHER_RATE_LIMIT): one row per provider and API key, from which every host
 * using that key takes its requests' tokens, so that together they keep within its plan. The
 * row is named by the key's SHA-256, never by the key. The workers of a host that ask at once
 * take their tokens in one short transaction that locks the row; its time is the host's clock,
 * so the hosts' clocks must agree (NTP).
 */
final class SharedBucket {

    private SharedBucket() {
    }

    /** The shared bucket of these limits, its row made (or given these limits) now. */
    static BlockingBucket of(DataSource database, String provider, String apiKey, RateLimits limits) {
        ProxyManager<String> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("WEATHER_RATE_LIMIT")
                .idColumn("ID")
                .stateColumn("STATE")
                .build();
        String name = name(provider, apiKey);
        // by a command of its own: Bucket4j 8.14 fails a batch of commands that finds no row
        buckets.builder()
                // the limits of the host that started last hold for all, each window keeping what it has used
                .withImplicitConfigurationReplacement(System.currentTimeMillis(), TokensInheritanceStrategy.AS_IS)
                .build(name, limits::configuration)
                .getAvailableTokens();
        return buckets.builder()
                // the workers that ask meanwhile go in the next transaction together: one transaction per
                // token held 64 workers to about 500 requests a second here (2,300 without a limit)
                .withOptimization(Optimizations.batching())
                .build(name, limits::configuration)
                .asBlocking();
    }

    private static String name(String provider, String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((apiKey == null ? "" : apiKey).getBytes(StandardCharsets.UTF_8));
            return provider + ":" + HexFormat.of().formatHex(hash);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
