package org.weatherbatch.fetch;

import java.net.URI;

/** Which provider answers, where, why it was chosen, and within which limits. */
public record ProviderChoice(String provider, URI baseUrl, String reason, RateLimits limits) {

    @Override
    public String toString() {
        return provider + " at " + baseUrl + " (" + reason + "), rate limits: " + limits;
    }
}
