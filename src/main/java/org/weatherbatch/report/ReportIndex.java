package org.weatherbatch.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.weatherbatch.history.RunRecord;

/** The output folder's index.html: every night's report in it, newest night first. */
public record ReportIndex(LocalDateTime generated, List<Entry> reports) {

    /** @param file the report's file name, beside the index */
    public record Entry(String file, LocalDate date, String input, String status, long executionId, long fetched,
            long failed) {
    }

    /** @param runs the latest execution of each run that has a report in the folder, newest run first */
    static ReportIndex of(List<RunRecord> runs) {
        Map<String, Entry> byFile = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            String file = NightReports.reportFile(run.outputs()).getFileName().toString();
            byFile.putIfAbsent(file, new Entry(file, run.date(), run.input(),
                    run.status(), run.executionId(), run.fetched(), run.failed()));
        }
        return new ReportIndex(LocalDateTime.now(), byFile.values().stream()
                .sorted(Comparator.comparing(Entry::date).thenComparing(Entry::executionId).reversed())
                .toList());
    }
}
