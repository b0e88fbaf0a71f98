package org.weatherbatch.report;

import java.time.LocalDateTime;
import java.util.List;

/** Everything one night's report shows, as the page's script receives it. */
public record ReportPage(LocalDateTime generated, Verdict verdict, ZipcodeMap map, Timeline timeline,
        List<FailureList.ByReason> failures, List<Night> nights) {
}
