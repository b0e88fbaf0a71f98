package org.weatherbatch.output;

/** What fetching one zipcode produced: its weather, or a failure. */
public sealed interface FetchResult permits Weather, Failure {
}
