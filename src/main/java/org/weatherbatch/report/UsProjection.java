package org.weatherbatch.report;

import java.util.Optional;

/**
 * Places a US point on the map's 960 × 600 page the way d3's geoAlbersUsa does: the lower 48
 * states in an Albers equal-area conic projection, and Alaska, Hawaii and Puerto Rico in
 * insets of their own below them; the Pacific territories (Guam, the Northern Mariana Islands,
 * American Samoa) are not on it. Written here (one formula) because the Java map libraries
 * that have it (GeoTools) are tens of megabytes for these few lines.
 */
public final class UsProjection {

    public static final int WIDTH = 960;

    public static final int HEIGHT = 600;

    private static final Albers LOWER_48 = Albers.of(-96, 38.7, 29.5, 45.5, 1070, 480, 250);

    private static final Albers ALASKA = Albers.of(-154, 58.5, 55, 65, 0.35 * 1070, 165, 470);

    private static final Albers HAWAII = Albers.of(-157, 19.9, 8, 18, 1070, 300, 505);

    private static final Albers PUERTO_RICO = Albers.of(-66.4, 18.2, 8, 18, 1070, 640, 560);

    private UsProjection() {
    }

    /** The point on the page, x then y, in pixels from the top left corner; empty when it is not on the map. */
    public static Optional<double[]> project(double latitude, double longitude) {
        double lon = longitude > 0 ? longitude - 360 : longitude; // the Aleutians west of the 180th meridian
        if (latitude > 50 && lon < -129) {
            return Optional.of(ALASKA.project(latitude, lon));
        }
        if (latitude > 18 && latitude < 23 && lon > -161 && lon < -154) {
            return Optional.of(HAWAII.project(latitude, lon));
        }
        if (latitude > 17 && latitude < 19 && lon > -68 && lon < -64) {
            return Optional.of(PUERTO_RICO.project(latitude, lon)); // and the Virgin Islands beside it
        }
        if (latitude > 24 && latitude < 50 && lon > -125 && lon < -66) {
            return Optional.of(LOWER_48.project(latitude, lon));
        }
        return Optional.empty();
    }

    /** An Albers equal-area conic projection on the unit sphere, scaled and moved onto the page. */
    private record Albers(double n, double c, double rho0, double centralMeridian, double scale, double x0,
            double y0) {

        static Albers of(double centralMeridian, double originLatitude, double parallel1, double parallel2,
                double scale, double x0, double y0) {
            return new Albers(n(parallel1, parallel2), c(parallel1, parallel2),
                    rho(originLatitude, parallel1, parallel2), centralMeridian, scale, x0, y0);
        }

        double[] project(double latitude, double longitude) {
            double rho = Math.sqrt(c - 2 * n * Math.sin(Math.toRadians(latitude))) / n;
            double theta = n * Math.toRadians(longitude - centralMeridian);
            return new double[] { x0 + scale * rho * Math.sin(theta), y0 - scale * (rho0 - rho * Math.cos(theta)) };
        }

        private static double n(double parallel1, double parallel2) {
            return (Math.sin(Math.toRadians(parallel1)) + Math.sin(Math.toRadians(parallel2))) / 2;
        }

        private static double c(double parallel1, double parallel2) {
            double cos = Math.cos(Math.toRadians(parallel1));
            return cos * cos + 2 * n(parallel1, parallel2) * Math.sin(Math.toRadians(parallel1));
        }

        private static double rho(double latitude, double parallel1, double parallel2) {
            double n = n(parallel1, parallel2);
            return Math.sqrt(c(parallel1, parallel2) - 2 * n * Math.sin(Math.toRadians(latitude))) / n;
        }
    }
}
