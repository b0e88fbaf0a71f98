package org.weatherbatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.simple.JdbcClient;

class StagedZipcodesTest {

    @RegisterExtension
    final StagingDatabase database = new StagingDatabase();

    private final StagedZipcodes staged = database.staged;

    @Test
    void readsTheBlocksBackInFileOrderFromAnyLine() throws Exception {
        staged.create(1);
        staged.writer(1).write(Chunk.of(zipcode(2, "00501"), zipcode(3, "02134"), zipcode(11, "10001")));
        staged.writer(1).write(new Chunk<>());
        staged.writer(1).write(Chunk.of(zipcode(12, "99950"), zipcode(1500, "60601")));

        assertThat(readAll(0)).containsExactly(new StagedZipcode(2, "00501"), new StagedZipcode(3, "02134"),
                new StagedZipcode(11, "10001"), new StagedZipcode(12, "99950"), new StagedZipcode(1500, "60601"));
        assertThat(readAll(3)).as("a restart after line 3, inside the first block")
                .containsExactly(new StagedZipcode(11, "10001"), new StagedZipcode(12, "99950"),
                        new StagedZipcode(1500, "60601"));
        assertThat(readAll(1500)).isEmpty();
        assertThat(staged.count(1)).isEqualTo(5);
    }

    @Test
    void eachInstanceHasItsOwnZipcodesUntilDropped() throws Exception {
        staged.create(1);
        staged.create(2);
        staged.writer(1).write(Chunk.of(zipcode(1, "02134")));
        List<String> zips = new ArrayList<>();

        staged.forEachZip(1, zips::add);
        staged.forEachZip(2, zips::add);
        staged.drop(1);
        staged.create(1);

        assertThat(zips).containsExactly("02134");
        assertThat(staged.count(2)).isZero();
        assertThat(staged.count(1)).as("made anew after the drop").isZero();
    }

    @Test
    void refusesATableOfTheEarlierLayoutByName() {
        JdbcClient.create(database.dataSource())
                .sql("CREATE TABLE WEATHER_STAGED_ZIPCODE_3 (LINE_NO BIGINT PRIMARY KEY, ZIP CHAR(5) NOT NULL UNIQUE)")
                .update();

        assertThatIllegalStateException().isThrownBy(() -> staged.create(3))
                .withMessageContaining("WEATHER_STAGED_ZIPCODE_3 holds zipcodes staged by an earlier weather-batch")
                .withMessageContaining("abandon");
    }

    @Test
    void refusesTheInstancesZipcodesInTheSharedTableOfEarlierBuilds() {
        JdbcClient earlier = JdbcClient.create(database.dataSource());
        earlier.sql("CREATE TABLE WEATHER_STAGED_ZIPCODE (JOB_INSTANCE_ID BIGINT NOT NULL, LINE_NO BIGINT NOT NULL, "
                + "ZIP CHAR(5) NOT NULL, PRIMARY KEY (JOB_INSTANCE_ID, LINE_NO))").update();
        earlier.sql("INSERT INTO WEATHER_STAGED_ZIPCODE VALUES (4, 1, '02134')").update();

        assertThatIllegalStateException().isThrownBy(() -> staged.create(4))
                .withMessageContaining("WEATHER_STAGED_ZIPCODE holds zipcodes staged by an earlier weather-batch");
        staged.create(5);
        assertThat(staged.count(5)).as("an instance with nothing in the shared table").isZero();
    }

    private List<StagedZipcode> readAll(long afterLine) {
        List<StagedZipcode> all = new ArrayList<>();
        for (List<StagedZipcode> block = staged.after(1, afterLine); !block.isEmpty();
                block = staged.after(1, all.get(all.size() - 1).lineNumber())) {
            all.addAll(block);
        }
        return all;
    }

    private static ZipcodeLine zipcode(long lineNumber, String zip) {
        return ZipcodeLine.zipcode(lineNumber, zip, zip);
    }
}
