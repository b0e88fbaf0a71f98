package org.weatherbatch.input;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The validated, de-duplicated zipcodes of a job instance, in the order of the input file,
 * in a table of the instance's own (WEATHER_STAGED_ZIPCODE_&lt;instance id&gt;): written in the
 * stage step's transactions, so they are exactly the lines that step committed, and read by
 * the fetch step. A table per instance so that a completed run's rows go with one DROP:
 * deleting 100,000 rows from a shared table took H2 4 s and 40 MB of heap.
 *
 * <p>A row holds a block: all the zipcodes of one stage chunk, as text. One insert per chunk
 * instead of one per zipcode: inserting 10,000 rows cost a fresh process 0.43 s of its
 * 0.58 s staging, all of it before the first request could be sent. The block's
 * text is entries of the line number followed by the 5-digit zipcode, comma-separated
 * ("702134,1200501" holds 02134 from line 7 and 00501 from line 12): a format too small
 * to need a library.
 */
public class StagedZipcodes {

    private static final int ZIP_LENGTH = 5;

    /** Where the first builds staged the zipcodes of every instance. */
    private static final String SHARED_TABLE = "WEATHER_STAGED_ZIPCODE";

    private final JdbcClient jdbc;

    public StagedZipcodes(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Made by the instance's first execution; a restart finds it with the blocks committed
     * before. Zipcodes an earlier weather-batch staged for the instance (a row each) are
     * refused by name: they can't be read as blocks, and staging again would lose the lines
     * staged before.
     */
    public void create(long jobInstanceId) {
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + table(jobInstanceId) + " (FIRST_LINE BIGINT PRIMARY KEY, "
                + "LAST_LINE BIGINT NOT NULL, ZIPCODE_COUNT INT NOT NULL, ZIPCODES CHARACTER VARYING NOT NULL)")
                .update();
        String earlier = earlierStaging(jobInstanceId);
        if (earlier != null) {
            throw new IllegalStateException(earlier + " holds zipcodes staged by an earlier weather-batch (a row "
                    + "each): restart this run with the version that started it, or give it up "
                    + "(abandon <execution id>).");
        }
    }

    /**
     * The table where an earlier layout holds the instance's zipcodes, a row each: a table of
     * the instance's own (the layout just before this one) or one table for all (the one
     * before that); null if none.
     */
    private String earlierStaging(long jobInstanceId) {
        String table = table(jobInstanceId);
        if (hasColumn(table, "LINE_NO")) {
            return table;
        }
        boolean inSharedTable = hasColumn(SHARED_TABLE, "JOB_INSTANCE_ID")
                && jdbc.sql("SELECT COUNT(*) FROM " + SHARED_TABLE + " WHERE JOB_INSTANCE_ID = ?")
                        .param(jobInstanceId)
                        .query(Integer.class)
                        .single() > 0;
        return inSharedTable ? SHARED_TABLE : null;
    }

    private boolean hasColumn(String table, String column) {
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_NAME) = ? "
                        + "AND UPPER(COLUMN_NAME) = ?")
                .params(table, column)
                .query(Integer.class)
                .single() > 0;
    }

    /** Stages each chunk's zipcodes as one block, in the chunk's transaction. */
    public ItemWriter<ZipcodeLine> writer(long jobInstanceId) {
        String insert = "INSERT INTO " + table(jobInstanceId)
                + " (FIRST_LINE, LAST_LINE, ZIPCODE_COUNT, ZIPCODES) VALUES (?, ?, ?, ?)";
        return lines -> {
            if (lines.isEmpty()) {
                return;
            }
            StringBuilder block = new StringBuilder(lines.size() * 12);
            for (ZipcodeLine line : lines) {
                block.append(block.isEmpty() ? "" : ",").append(line.lineNumber()).append(line.zip());
            }
            List<? extends ZipcodeLine> items = lines.getItems();
            jdbc.sql(insert)
                    .params(items.get(0).lineNumber(), items.get(items.size() - 1).lineNumber(), items.size(),
                            block.toString())
                    .update();
        };
    }

    /**
     * The staged zipcodes after the given line, up to the end of the block that holds the
     * next one (at most a stage chunk's worth); none when all are read. Keyset access: as
     * fast at the end as at the start.
     */
    public List<StagedZipcode> after(long jobInstanceId, long afterLine) {
        List<StagedZipcode> zipcodes = new ArrayList<>();
        jdbc.sql("SELECT ZIPCODES FROM " + table(jobInstanceId) + " WHERE LAST_LINE > ? "
                        + "ORDER BY FIRST_LINE FETCH FIRST 1 ROW ONLY")
                .param(afterLine)
                .query(String.class)
                .optional()
                .ifPresent(block -> entries(block).filter(zipcode -> zipcode.lineNumber() > afterLine)
                        .forEach(zipcodes::add));
        return zipcodes;
    }

    public void forEachZip(long jobInstanceId, Consumer<String> action) {
        try (Stream<String> blocks = jdbc.sql("SELECT ZIPCODES FROM " + table(jobInstanceId))
                .query(String.class)
                .stream()) {
            blocks.forEach(block -> entries(block).forEach(zipcode -> action.accept(zipcode.zip())));
        }
    }

    public int count(long jobInstanceId) {
        return jdbc.sql("SELECT COALESCE(SUM(ZIPCODE_COUNT), 0) FROM " + table(jobInstanceId))
                .query(Integer.class)
                .single();
    }

    public void drop(long jobInstanceId) {
        jdbc.sql("DROP TABLE IF EXISTS " + table(jobInstanceId)).update();
    }

    private static Stream<StagedZipcode> entries(String block) {
        return Stream.of(block.split(",")).map(entry -> {
            int zipStart = entry.length() - ZIP_LENGTH;
            return new StagedZipcode(Long.parseLong(entry, 0, zipStart, 10), entry.substring(zipStart));
        });
    }

    private static String table(long jobInstanceId) {
        return "WEATHER_STAGED_ZIPCODE_" + jobInstanceId;
    }
}
