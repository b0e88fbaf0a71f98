package org.weatherbatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class DuplicateZipcodeFilterTest {

    @RegisterExtension
    final StagingDatabase database = new StagingDatabase();

    private final StagedZipcodeDao staged = database.staged;

    @Test
    void marksLaterOccurrencesOfAZipcodeAsDuplicates() {
        DuplicateZipcodeFilter filter = openFilter(1);

        assertThat(filter.process(ZipcodeLine.zipcode(1, "02134", "02134")).kind()).isEqualTo(ZipcodeLine.Kind.ZIPCODE);
        assertThat(filter.process(ZipcodeLine.zipcode(2, "10001", "10001")).kind()).isEqualTo(ZipcodeLine.Kind.ZIPCODE);
        assertThat(filter.process(ZipcodeLine.zipcode(3, "02134-0001", "02134")).kind())
                .isEqualTo(ZipcodeLine.Kind.DUPLICATE);
        assertThat(filter.process(ZipcodeLine.invalid(4, "x", "not a zipcode: x")).kind())
                .isEqualTo(ZipcodeLine.Kind.INVALID);
    }

    @Test
    void aRestartRemembersTheZipcodesStagedBeforeTheFailure() throws Exception {
        openFilter(7);
        openFilter(8);
        staged.writer(7).write(Chunk.of(new StagedZipcode(1, "02134")));
        staged.writer(8).write(Chunk.of(new StagedZipcode(1, "10001")));

        DuplicateZipcodeFilter restarted = openFilter(7);

        assertThat(restarted.process(ZipcodeLine.zipcode(1500, "02134", "02134")).kind())
                .isEqualTo(ZipcodeLine.Kind.DUPLICATE);
        assertThat(restarted.process(ZipcodeLine.zipcode(1501, "10001", "10001")).kind())
                .as("staged by another run").isEqualTo(ZipcodeLine.Kind.ZIPCODE);
    }

    private DuplicateZipcodeFilter openFilter(long jobInstanceId) {
        DuplicateZipcodeFilter filter = new DuplicateZipcodeFilter(staged, jobInstanceId);
        filter.open(new ExecutionContext());
        return filter;
    }
}
