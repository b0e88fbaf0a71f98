package org.weatherbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageTemplateTest {

    @TempDir
    Path folder;

    @Test
    void theDataIsStreamedIntoThePageAndNoTextInItCanEndItsScript() throws Exception {
        Path page = folder.resolve("report.html");
        String city = "Town</script><script>alert(1)</script>";

        new PageTemplate().write("report.html", Map.of("city", city, "zip", "02134"), page);

        String html = Files.readString(page);
        assertThat(html).contains("Town\\u003c/script>\\u003cscript>alert(1)\\u003c/script>")
                .doesNotContain("alert(1)</script>").doesNotContain("/*DATA*/").endsWith("</html>\n");
        assertThat(ReportFiles.data(page).path("city").asString()).isEqualTo(city);
        assertThat(folder.resolve("report.html.partial")).doesNotExist();
    }
}
