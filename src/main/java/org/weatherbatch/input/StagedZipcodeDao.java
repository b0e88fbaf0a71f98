package org.weatherbatch.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.item.database.support.SqlPagingQueryProviderFactoryBean;
import org.springframework.batch.infrastructure.support.DatabaseType;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The validated, de-duplicated zipcodes of a job instance, a row each, in a table of the
 * instance's own (WEATHER_STAGED_ZIPCODE_&lt;instance id&gt;, made by the database's
 * staged-zipcodes-*.sql): written in the stage step's transactions, so they are exactly the
 * lines that step committed, and read by the fetch step's partitions, each a range of lines.
 */
public class StagedZipcodeDao {

    private static final String TABLE_SCRIPT = "classpath:org/weatherbatch/staged-zipcodes-@@platform@@.sql";

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    /** Looked up once: each partition's reader would ask the database for it otherwise, one at a time. */
    private volatile DatabaseType databaseType;

    private volatile String tableScript;

    public StagedZipcodeDao(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Made by the instance's first execution; a restart finds it with the rows committed before. */
    public void create(long jobInstanceId) {
        String script = tableScript().replace("@@instance@@", Long.toString(jobInstanceId));
        new ResourceDatabasePopulator(new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)))
                .execute(dataSource);
    }

    /** The database's own script for a staging table. */
    private String tableScript() {
        if (tableScript == null) {
            String location = new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource, TABLE_SCRIPT)
                    .get(0);
            try {
                tableScript = new DefaultResourceLoader().getResource(location)
                        .getContentAsString(StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException("No staging table script " + location + " for this database", e);
            }
        }
        return tableScript;
    }

    /** Stages each zipcode, in the chunk's transaction. */
    public JdbcBatchItemWriter<StagedZipcode> writer(long jobInstanceId) {
        return new JdbcBatchItemWriterBuilder<StagedZipcode>()
                .dataSource(dataSource)
                .sql("INSERT INTO " + table(jobInstanceId) + " (LINE_NO, ZIP) VALUES (?, ?)")
                .itemPreparedStatementSetter((zipcode, statement) -> {
                    statement.setLong(1, zipcode.lineNumber());
                    statement.setString(2, zipcode.zip());
                })
                .assertUpdates(true)
                .build();
    }

    /** The staged zipcodes of lines first to last, in line order; restartable by the last line read. */
    public JdbcPagingItemReader<StagedZipcode> reader(long jobInstanceId, long firstLine, long lastLine,
            int pageSize) throws Exception {
        SqlPagingQueryProviderFactoryBean query = new SqlPagingQueryProviderFactoryBean();
        query.setDataSource(dataSource);
        query.setDatabaseType(databaseType().name());
        query.setSelectClause("LINE_NO, ZIP");
        query.setFromClause(table(jobInstanceId));
        query.setWhereClause("LINE_NO BETWEEN :firstLine AND :lastLine");
        query.setSortKeys(Map.of("LINE_NO", Order.ASCENDING));
        return new JdbcPagingItemReaderBuilder<StagedZipcode>()
                .name("stagedZipcodeReader")
                .dataSource(dataSource)
                .queryProvider(query.getObject())
                .parameterValues(Map.of("firstLine", firstLine, "lastLine", lastLine))
                .rowMapper((row, rowNumber) -> new StagedZipcode(row.getLong(1), row.getString(2)))
                .pageSize(pageSize)
                .build();
    }

    private DatabaseType databaseType() throws MetaDataAccessException {
        if (databaseType == null) {
            databaseType = DatabaseType.fromMetaData(dataSource);
        }
        return databaseType;
    }

    /**
     * The first line of each of at most {@code parts} ranges holding about as many zipcodes
     * each, in line order; none when nothing is staged.
     */
    public List<Long> rangeStarts(long jobInstanceId, int parts) {
        int count = count(jobInstanceId);
        List<Long> starts = new ArrayList<>();
        int[] index = {0};
        int perPart = Math.max(1, (count + parts - 1) / parts);
        jdbc.sql("SELECT LINE_NO FROM " + table(jobInstanceId) + " ORDER BY LINE_NO")
                .query(row -> {
                    if (index[0]++ % perPart == 0) {
                        starts.add(row.getLong(1));
                    }
                });
        return starts;
    }

    public void forEachZip(long jobInstanceId, Consumer<String> action) {
        jdbc.sql("SELECT ZIP FROM " + table(jobInstanceId)).query(row -> {
            action.accept(row.getString(1));
        });
    }

    public int count(long jobInstanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table(jobInstanceId)).query(Integer.class).single();
    }

    public void drop(long jobInstanceId) {
        jdbc.sql("DROP TABLE IF EXISTS " + table(jobInstanceId)).update();
    }

    private static String table(long jobInstanceId) {
        return "WEATHER_STAGED_ZIPCODE_" + jobInstanceId;
    }
}
