package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Real-world input files: every oddity is either read right or reported, never fatal. */
@ExtendWith(OutputCaptureExtension.class)
class MessyInputTest extends WeatherJobTestSupport {

    @Test
    void readsWhatIsAZipcodeAndReportsEveryOtherLine(CapturedOutput output) throws Exception {
        Files.writeString(input, String.join("\r\n",
                "\uFEFF# zipcodes exported from the CRM",
                "city,Zip Code,state",
                "Allston,02134,MA",
                "",
                "New York,10001-0001,NY",
                "Nowhere,hello,XX",
                "Allston again,02134,MA",
                "Stripped,2134,MA",
                "\"Washington, DC\",20001,DC",
                "OnlyACity",
                "   # an indented comment",
                "Holtsville,00501,NY") + "\r\n", StandardCharsets.UTF_8);

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134", "10001", "20001", "00501");
        assertThat(requestsFor("02134")).isEqualTo(1);
        assertThat(lines("-failures.csv")).containsExactly(
                "zip,line,reason,detail",
                "\"Nowhere,hello,XX\",6,invalid-line,not a zipcode: hello",
                "\"Stripped,2134,MA\",8,invalid-line,zipcode has 4 digits (a leading zero may have been lost)",
                "OnlyACity,10,invalid-line,no column 2");
        assertThat(output).contains("lines: 4 zipcodes, 1 duplicates, 3 invalid, 4 blank/comment/header");
    }

    @Test
    void theFailuresFileCanBeFedBackAsInput() throws Exception {
        writeInput("02134", "99999", "junk");
        stubZip("99999", notFound());
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        var failures = work.resolve("failures-of-last-night.csv");
        Files.copy(output("-failures.csv"), failures);
        api.resetAll();
        answerEveryZipcode();

        assertThat(run("--weather.input=" + failures)).isEqualTo(ExitCodes.COMPLETED);

        var rerun = work.resolve("output/failures-of-last-night-" + DATE);
        assertThat(Files.readAllLines(rerun.resolveSibling(rerun.getFileName() + ".jsonl")))
                .singleElement().asString().contains("\"zip\":\"99999\"");
        assertThat(Files.readAllLines(rerun.resolveSibling(rerun.getFileName() + "-failures.csv")))
                .containsExactly("zip,line,reason,detail",
                        "\"junk,3,invalid-line,not a zipcode: junk\",2,invalid-line,not a zipcode: junk");
    }
}
