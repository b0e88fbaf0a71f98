package org.weatherbatch.fetch;

import tools.jackson.databind.JsonNode;

/** Lenient reading of API answers: fields a provider leaves out become empty text. */
final class Json {

    private Json() {
    }

    static String text(JsonNode value) {
        return value.isValueNode() ? value.asString() : "";
    }
}
