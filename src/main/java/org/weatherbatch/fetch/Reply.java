package org.weatherbatch.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * What the API answered, read while the connection is held.
 *
 * @param retryAfter the Retry-After header, or null
 * @param location the Location header of a redirect, or null
 */
record Reply(int status, String retryAfter, String location, byte[] body) {

    static Reply read(ClassicHttpResponse response) throws IOException {
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new Reply(response.getCode(), header(response, "Retry-After"), header(response, "Location"), body);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
