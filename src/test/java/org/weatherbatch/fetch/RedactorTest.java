package org.weatherbatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String KEY = "sk-SECRET-a&b=c d";

    private final Redactor redactor = Redactor.of(KEY);

    @Test
    void theKeyGoesInEveryFormItTravelsOrIsEchoedIn() {
        assertThat(redactor.redact("key " + KEY + " refused")).as("as is").isEqualTo("key *** refused");
        assertThat(redactor.redact("/data/2.5/weather?zip=02134,us&appid=sk-SECRET-a%26b%3Dc+d&units=imperial"))
                .as("as sent, form-encoded").isEqualTo("/data/2.5/weather?zip=02134,us&appid=***&units=imperial");
        assertThat(redactor.redact("/data/2.5/weather?appid=sk-SECRET-a%26b%3Dc%20d"))
                .as("percent-encoded, %20 for spaces").isEqualTo("/data/2.5/weather?appid=***");
        assertThat(redactor.redact("Invalid API key for /data/2.5/weather?zip=02134,us&appid=sk-SECRET-a&b=c+d"))
                .as("percent-decoded, '+' left as it was").isEqualTo("Invalid API key for /data/2.5/weather?zip=02134,us&appid=***");
    }

    @Test
    void anEscapeJustBeforeTheKeyIsNoWordItBelongsTo() {
        Redactor hex = Redactor.of("0a1b2c");

        assertThat(hex.redact("/login?return=%2Fdata%2F2.5%2Fweather%3Fappid%3D0a1b2c%26units%3Dimperial"))
                .isEqualTo("/login?return=%2Fdata%2F2.5%2Fweather%3Fappid%3D***%26units%3Dimperial");
        assertThat(hex.redact("{\"message\":\"refused:\\n0a1b2c\\t0a1b2c\\u00200a1b2c\"}"))
                .isEqualTo("{\"message\":\"refused:\\n***\\t***\\u0020***\"}");
        assertThat(hex.redact("x0a1b2c 0a1b2cx")).as("within words").isEqualTo("x0a1b2c 0a1b2cx");
    }

    @Test
    void aShortKeyGoesWhereItIsAValueNotWhereItIsPartOfAWord() {
        Redactor k = Redactor.of("k");

        assertThat(k.redact("Invalid API key")).isEqualTo("Invalid API key");
        assertThat(k.redact("keys kk k1 1k ök")).isEqualTo("keys kk k1 1k ök");
        assertThat(k.redact("appid=k&units=imperial")).isEqualTo("appid=***&units=imperial");
        assertThat(k.redact("k")).isEqualTo("***");
        assertThat(k.redact("key k (k) \"k\".")).isEqualTo("key *** (***) \"***\".");
    }

    @Test
    void anEdgeOfTheKeyThatIsPunctuationIsABoundaryOfItsOwn() {
        assertThat(Redactor.of("-k-").redact("x-k-y")).isEqualTo("x***y");
        assertThat(Redactor.of("-k").redact("x-k x-ky")).isEqualTo("x*** x-ky");
        assertThat(Redactor.of("k.").redact("k.y xk.")).isEqualTo("***y xk.");
    }

    @Test
    void theKeyIsMatchedAsTextNotAsAPattern() {
        Redactor dotted = Redactor.of("a.b*c");

        assertThat(dotted.redact("axbbc a.b*c")).isEqualTo("axbbc ***");
        assertThat(Redactor.of("\\E.*").redact("x \\E.* y")).isEqualTo("x *** y");
    }

    @Test
    void withoutAKeyNothingChanges() {
        assertThat(Redactor.none().redact("Invalid API key " + KEY)).isEqualTo("Invalid API key " + KEY);
    }
}
