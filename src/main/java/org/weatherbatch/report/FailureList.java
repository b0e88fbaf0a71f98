package org.weatherbatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The night's failures by reason, most first, each with its count and its first rows in file order. */
public final class FailureList {

    static final int SHOWN = 20;

    /** A reason's failures: how many, and the first {@link #SHOWN} of them. */
    public record ByReason(String reason, int count, List<NightRows.FailureLine> first) {
    }

    private FailureList() {
    }

    public static List<ByReason> of(List<NightRows.FailureLine> failures) {
        Map<String, List<NightRows.FailureLine>> first = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (NightRows.FailureLine failure : failures) {
            counts.merge(failure.reason(), 1, Integer::sum);
            List<NightRows.FailureLine> shown = first.computeIfAbsent(failure.reason(), key -> new ArrayList<>());
            if (shown.size() < SHOWN) {
                shown.add(failure);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(reason -> new ByReason(reason.getKey(), reason.getValue(), first.get(reason.getKey())))
                .toList();
    }
}
