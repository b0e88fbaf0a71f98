package org.weatherbatch.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads back the data that a written page carries for its script. */
public final class ReportFiles {

    private static final String DATA_START = "<script id=\"data\" type=\"application/json\">";

    private ReportFiles() {
    }

    public static JsonNode data(Path page) throws IOException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        int start = html.indexOf(DATA_START) + DATA_START.length();
        return new JsonMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
    }
}
