package org.weatherbatch.input;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staging table WEATHER_STAGED_ZIPCODE: the zipcodes of each job instance, in the
 * order of the input file. Rows are written in the stage step's transactions, so they
 * are exactly the lines that step committed.
 */
public class StagedZipcodes {

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    public StagedZipcodes(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    public JdbcBatchItemWriter<ZipcodeLine> writer(long jobInstanceId) {
        return new JdbcBatchItemWriterBuilder<ZipcodeLine>()
                .dataSource(dataSource)
                .sql("INSERT INTO WEATHER_STAGED_ZIPCODE (JOB_INSTANCE_ID, LINE_NO, ZIP) VALUES (?, ?, ?)")
                .itemPreparedStatementSetter((line, statement) -> {
                    statement.setLong(1, jobInstanceId);
                    statement.setLong(2, line.lineNumber());
                    statement.setString(3, line.zip());
                })
                .build();
    }

    /**
     * The next zipcodes in input order after the given line: keyset paging, as fast at the
     * end as at the start. The ORDER BY names both primary key columns so that H2 reads the
     * page from the index; ordered by LINE_NO alone it sorted every row left, for each page.
     */
    public List<StagedZipcode> page(long jobInstanceId, long afterLine, int size) {
        return jdbc.sql("SELECT LINE_NO, ZIP FROM WEATHER_STAGED_ZIPCODE WHERE JOB_INSTANCE_ID = ? AND LINE_NO > ? "
                + "ORDER BY JOB_INSTANCE_ID, LINE_NO FETCH FIRST " + size + " ROWS ONLY")
                .param(jobInstanceId)
                .param(afterLine)
                .query((rows, rowNum) -> new StagedZipcode(rows.getLong("LINE_NO"), rows.getString("ZIP")))
                .list();
    }

    public void forEachZip(long jobInstanceId, Consumer<String> action) {
        try (Stream<String> zips = jdbc.sql("SELECT ZIP FROM WEATHER_STAGED_ZIPCODE WHERE JOB_INSTANCE_ID = ?")
                .param(jobInstanceId)
                .query((rows, rowNum) -> rows.getString(1))
                .stream()) {
            zips.forEach(action);
        }
    }

    public int count(long jobInstanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM WEATHER_STAGED_ZIPCODE WHERE JOB_INSTANCE_ID = ?")
                .param(jobInstanceId)
                .query(Integer.class)
                .single();
    }

    public void delete(long jobInstanceId) {
        jdbc.sql("DELETE FROM WEATHER_STAGED_ZIPCODE WHERE JOB_INSTANCE_ID = ?").param(jobInstanceId).update();
    }
}
