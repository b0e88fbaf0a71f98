package org.weatherbatch.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** What the API answered, read while the connection is held. */
record Reply(int status, String retryAfter, byte[] body) {

    static Reply read(ClassicHttpResponse response) throws IOException {
        Header retryAfter = response.getFirstHeader("Retry-After");
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new Reply(response.getCode(), retryAfter == null ? null : retryAfter.getValue(), body);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
