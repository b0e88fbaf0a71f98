package org.weatherbatch.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gives each run (input file and date) output names of its own, and keeps them in the job
 * repository (WEATHER_OUTPUT_NAME: prefix → input, made by schema-*.sql) so that two inputs
 * never share one. The name is the input's base name and the date ({@code zipcodes-2026-11-27}); an input whose
 * plain name another input took first gets a short hash of its path as well
 * ({@code zipcodes-3fa2c1d0-2026-11-27}). The prefix is the table's key, so two launches at
 * once cannot take the same one.
 */
public class OutputNameDao {

    private final JdbcClient jdbc;

    public OutputNameDao(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The prefix of the run's outputs: the one the input already has for that date, else a free one. */
    public String claim(Path outputDir, Path input, LocalDate date) {
        String inputPath = input.toAbsolutePath().normalize().toString();
        Path folder = outputDir.toAbsolutePath().normalize();
        String plain = folder.resolve(baseName(input) + "-" + date).toString();
        if (takenBy(plain, inputPath)) {
            return plain;
        }
        String hashed = folder.resolve(baseName(input) + "-" + shortHash(inputPath) + "-" + date).toString();
        if (takenBy(hashed, inputPath)) {
            return hashed;
        }
        throw new IllegalStateException("The output names " + plain + " and " + hashed + " are both taken by other "
                + "inputs; move this input, or give it its own --weather.output-dir");
    }

    /** Takes the prefix for the input unless another input has it; true when the input has it now. */
    private boolean takenBy(String prefix, String input) {
        try {
            jdbc.sql("INSERT INTO WEATHER_OUTPUT_NAME (PREFIX, INPUT) VALUES (?, ?)").params(prefix, input).update();
            return true;
        }
        catch (DuplicateKeyException taken) {
            return input.equals(jdbc.sql("SELECT INPUT FROM WEATHER_OUTPUT_NAME WHERE PREFIX = ?").param(prefix)
                    .query(String.class).single());
        }
    }

    private static String baseName(Path input) {
        String fileName = input.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String shortHash(String inputPath) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inputPath.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
