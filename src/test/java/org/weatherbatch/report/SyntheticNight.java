package org.weatherbatch.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.weatherbatch.config.WeatherProperties.Units;
import org.weatherbatch.history.RunRecord;
import org.weatherbatch.location.ZipcodeCoordinates;

/**
 * A whole night's report for every zipcode of the bundled table (about 33,800), without
 * fetching them: temperatures that fall with latitude, one zipcode in 40 failed, an hour of
 * samples with a 429 pause, and 30 nights before it. The page at its full size.
 */
final class SyntheticNight {

    static final LocalDateTime START = LocalDateTime.of(2026, 11, 27, 2, 0);

    private SyntheticNight() {
    }

    static ReportPage page(ZipcodeCoordinates coordinates) {
        List<NightRows.WeatherLine> weather = new ArrayList<>();
        List<NightRows.FailureLine> failures = new ArrayList<>();
        String[] conditions = { "clear sky", "broken clouds", "light rain", "overcast clouds", "snow" };
        int line = 1;
        for (int zip = 0; zip < 100_000; zip++) {
            String code = "%05d".formatted(zip);
            var point = coordinates.of(code);
            if (point.isEmpty()) {
                continue;
            }
            line++;
            if (zip % 40 == 7) {
                failures.add(new NightRows.FailureLine(code, String.valueOf(line), zip % 80 == 7 ? "timeout"
                        : "not-found", "HTTP 404: city not found"));
                continue;
            }
            double temperature = Math.round((100 - (point.get().latitude() - 18) * 1.7 + zip % 7) * 100) / 100.0;
            weather.add(new NightRows.WeatherLine(code, "Town " + zip % 1000, temperature,
                    conditions[zip % conditions.length]));
        }
        NightRows rows = new NightRows(weather, failures);
        RunRecord run = new RunRecord(31, LocalDate.of(2026, 11, 27), "/data/zipcodes.csv", "/data/output/zipcodes-"
                + "2026-11-27", "COMPLETED", null, START, START.plusMinutes(58), START.plusMinutes(58), line,
                Map.of("ZIPCODE", (long) line - 1, "IGNORED", 1L), weather.size(), failures.size(),
                Map.of("not-found", (long) failures.stream().filter(f -> f.reason().equals("not-found")).count(),
                        "timeout", (long) failures.stream().filter(f -> f.reason().equals("timeout")).count()), 1,
                null, List.of());
        return new ReportPage(START.plusMinutes(58), Verdict.of(run, "open-meteo", "imperial"),
                ZipcodeMap.of(rows, coordinates, TemperatureScale.of(Units.IMPERIAL)), timeline(),
                FailureList.of(failures), nights(run));
    }

    /** 58 minutes at about 10 requests a second, with a minute's pause after a 429 at minute 20. */
    private static Timeline timeline() {
        long start = START.toEpochSecond(ZoneOffset.UTC) * 1000;
        long end = start + 58 * 60_000;
        List<Sample> samples = new ArrayList<>();
        for (long at = start + 1000; at <= end; at += 1000) {
            int second = (int) ((at - start) / 1000);
            if (second > 1200 && second < 1260) {
                continue;
            }
            int requests = 9 + second % 3;
            samples.add(new Sample(at, requests, requests - (second % 40 == 0 ? 1 : 0), second % 40 == 0 ? 1 : 0,
                    second == 1200 ? 16 : 0, second % 97 == 0 ? 2 : 0, 40.0 + second % 10, 70.0 + second % 13,
                    900.0 + second % 300));
        }
        return Timeline.of(List.of(new Timeline.Span(start, end)), samples);
    }

    private static List<Night> nights(RunRecord tonight) {
        List<Night> nights = new ArrayList<>(List.of(Night.of(tonight)));
        for (int before = 1; before < NightReports.NIGHTS_SHOWN; before++) {
            nights.add(new Night(31 - before, tonight.date().minusDays(before), before == 4 ? "FAILED" : "COMPLETED",
                    3300 + before * 37 % 600, 32_900 - before * 13 % 400, 840 + before * 17 % 200));
        }
        return nights;
    }
}
