package org.weatherbatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;

class StagedZipcodeDaoTest {

    @RegisterExtension
    final StagingDatabase database = new StagingDatabase();

    private final StagedZipcodeDao staged = database.staged;

    @Test
    void aRangeIsReadInLineOrderAndRestartsAfterTheLastLineItCommitted() throws Exception {
        stage(1, 2, 3, 11, 12, 1500);
        JdbcPagingItemReader<StagedZipcode> reader = staged.reader(1, 3, 12, 2);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        assertThat(List.of(reader.read(), reader.read())).extracting(StagedZipcode::lineNumber).containsExactly(3L, 11L);
        reader.update(context);
        reader.close();

        JdbcPagingItemReader<StagedZipcode> restarted = staged.reader(1, 3, 12, 2);
        restarted.open(context);

        assertThat(readAll(restarted)).containsExactly(new StagedZipcode(12, "00012"));
    }

    @Test
    void thePartitionerCutsContiguousRangesOfAboutEqualSizeThatCoverEveryLine() throws Exception {
        stage(2, 3, 5, 8, 13, 21, 34);

        Map<String, ExecutionContext> partitions = new StagedZipcodePartitioner(staged, 1, 100).partition(3);

        assertThat(partitions).containsOnlyKeys("partition0000", "partition0001", "partition0002");
        List<List<Long>> lines = new ArrayList<>();
        for (ExecutionContext range : partitions.values()) {
            JdbcPagingItemReader<StagedZipcode> reader = staged.reader(1, range.getLong("firstLine"),
                    range.getLong("lastLine"), 10);
            reader.open(new ExecutionContext());
            lines.add(readAll(reader).stream().map(StagedZipcode::lineNumber).toList());
        }
        assertThat(lines).containsExactly(List.of(2L, 3L, 5L), List.of(8L, 13L, 21L), List.of(34L));
        assertThat(partitions.values()).extracting(range -> range.getInt("part")).containsExactly(0, 1, 2);
    }

    @Test
    void moreZipcodesThanTheGridTimesTheRangeSizeMakeMorePartitionsOfAtMostThatSize() throws Exception {
        stage(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        Map<String, ExecutionContext> partitions = new StagedZipcodePartitioner(staged, 1, 3).partition(2);

        assertThat(partitions).hasSize(4);
        assertThat(partitions.values()).extracting(range -> range.getLong("firstLine")).containsExactly(1L, 4L, 7L,
                10L);
    }

    @Test
    void atMostFourPartitionsAGridSlotHoweverManyZipcodes() throws Exception {
        stage(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);

        assertThat(new StagedZipcodePartitioner(staged, 1, 1).partition(2)).hasSize(8);
    }

    @Test
    void nothingStagedFailsThePartitioningBeforeAnyRequest() {
        staged.create(1);

        assertThatThrownBy(() -> new StagedZipcodePartitioner(staged, 1, 100).partition(4))
                .isInstanceOf(NoZipcodesException.class).hasMessageStartingWith("The input holds no zipcode");
    }

    @Test
    void eachInstanceHasItsOwnZipcodesUntilDropped() throws Exception {
        stage(1, 7);
        staged.create(2);
        List<String> zips = new ArrayList<>();

        staged.forEachZip(1, zips::add);
        staged.forEachZip(2, zips::add);
        staged.drop(1);
        staged.create(1);

        assertThat(zips).containsExactlyInAnyOrder("00001", "00007");
        assertThat(staged.count(2)).isZero();
        assertThat(staged.count(1)).as("made anew after the drop").isZero();
    }

    private void stage(long... lineNumbers) throws Exception {
        staged.create(1);
        Chunk<StagedZipcode> lines = new Chunk<>();
        for (long line : lineNumbers) {
            lines.add(new StagedZipcode(line, String.format("%05d", line)));
        }
        staged.writer(1).write(lines);
    }

    private static List<StagedZipcode> readAll(JdbcPagingItemReader<StagedZipcode> reader) throws Exception {
        List<StagedZipcode> all = new ArrayList<>();
        for (StagedZipcode zipcode = reader.read(); zipcode != null; zipcode = reader.read()) {
            all.add(zipcode);
        }
        reader.close();
        return all;
    }
}
