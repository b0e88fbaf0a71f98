package org.weatherbatch.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;

/**
 * One output file's writer, which names the file and the operating system's reason when it
 * cannot be written ("No space left on device"): Spring Batch's own messages name neither.
 */
public final class OutputFileWriter<T> implements ItemStreamWriter<T> {

    private final FlatFileItemWriter<T> file;

    private final Path path;

    OutputFileWriter(FlatFileItemWriter<T> file, Path path) {
        this.file = file;
        this.path = path;
    }

    /** Makes the output folder first: Spring Batch's mkdirs hides the reason it fails. */
    @Override
    public void open(ExecutionContext executionContext) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            file.open(executionContext);
        }
        catch (IOException | RuntimeException e) {
            throw new OutputNotWritableException(path, e);
        }
    }

    @Override
    public void write(Chunk<? extends T> items) throws Exception {
        try {
            file.write(items);
        }
        catch (Exception e) {
            throw new OutputNotWritableException(path, e);
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        try {
            file.update(executionContext);
        }
        catch (RuntimeException e) {
            throw new OutputNotWritableException(path, e);
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        }
        catch (RuntimeException e) {
            throw new OutputNotWritableException(path, e);
        }
    }
}
