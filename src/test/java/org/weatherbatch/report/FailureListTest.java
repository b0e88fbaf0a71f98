package org.weatherbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.weatherbatch.report.NightRows.FailureLine;

class FailureListTest {

    @Test
    void byReasonMostFirstWithTheFirstTwentyOfEachInFileOrder() {
        List<FailureLine> failures = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            failures.add(new FailureLine("%05d".formatted(10000 + i), String.valueOf(i + 2), "timeout", "after 4"));
            if (i % 9 == 0) {
                failures.add(new FailureLine("%05d".formatted(20000 + i), String.valueOf(i + 2), "not-found", "404"));
            }
        }

        List<FailureList.ByReason> byReason = FailureList.of(failures);

        assertThat(byReason).extracting(FailureList.ByReason::reason).containsExactly("timeout", "not-found");
        assertThat(byReason.get(0).count()).isEqualTo(45);
        assertThat(byReason.get(0).first()).hasSize(FailureList.SHOWN);
        assertThat(byReason.get(0).first().get(19).zip()).isEqualTo("10019");
        assertThat(byReason.get(1).count()).isEqualTo(5);
        assertThat(byReason.get(1).first()).extracting(FailureLine::zip)
                .containsExactly("20000", "20009", "20018", "20027", "20036");
    }
}
