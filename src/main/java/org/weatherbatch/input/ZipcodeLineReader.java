package org.weatherbatch.input;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The stage step's reader: each record of the input file, classified. It saves the number
 * of records read, and a restart skips that many. Not FlatFileItemReader: it numbers a
 * record by its last line, and a quote left open at the end of the file fails the step.
 */
public class ZipcodeLineReader extends AbstractItemCountingItemStreamItemReader<ZipcodeLine> {

    private final Path file;

    private ZipcodeLineMapper lineMapper;

    private CsvRecords records;

    public ZipcodeLineReader(Path file) {
        this.file = file;
        setName("zipcodeLineReader");
    }

    @Override
    protected void doOpen() throws Exception {
        lineMapper = new ZipcodeLineMapper(InputLayout.detect(file));
        records = CsvRecords.open(file);
    }

    @Override
    protected ZipcodeLine doRead() throws Exception {
        InputRecord record = records.next();
        return record == null ? null : lineMapper.map(record);
    }

    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        for (int i = 0; i < itemIndex; i++) {
            if (records.next() == null) {
                return;
            }
        }
    }

    @Override
    protected void doClose() throws Exception {
        if (records != null) {
            records.close();
            records = null;
        }
    }
}
