package org.weatherbatch.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.transform.LineAggregator;
import org.springframework.core.io.FileSystemResource;

/**
 * One output file's writer: Spring Batch's, writing each chunk's lines while the chunk is
 * written (see {@link OutputWriters}), made to fail when a write falls short and to name the
 * file and the operating system's reason ("No space left on device"), which Spring Batch's
 * own messages leave out. A subclass, not a builder's writer: a full disk can take part of a
 * chunk's bytes without an error (the JDK's channel writer ignores a short write), and only
 * the lines as formatted tell how many bytes should have landed.
 */
public final class OutputFileWriter<T> extends FlatFileItemWriter<T> {

    private final Path path;

    private long chunkBytes;

    OutputFileWriter(Path path, String name, LineAggregator<T> lines) {
        super(new FileSystemResource(path), lines);
        this.path = path;
        setName(name);
        setEncoding(StandardCharsets.UTF_8.name());
        setTransactional(false);
        // on disk before the chunk's commit reaches the job repository: after a power loss
        // the file is never shorter than the position the repository restarts from
        setForceSync(true);
    }

    /** Makes the output folder first: Spring Batch's mkdirs hides the reason it fails. */
    @Override
    public void open(ExecutionContext executionContext) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            super.open(executionContext);
        }
        catch (IOException | RuntimeException e) {
            throw new OutputNotWritableException(path, e);
        }
    }

    @Override
    public String doWrite(Chunk<? extends T> items) {
        String lines = super.doWrite(items);
        chunkBytes = lines.getBytes(StandardCharsets.UTF_8).length;
        return lines;
    }

    @Override
    public void write(Chunk<? extends T> items) throws Exception {
        try {
            long before = Files.size(path);
            super.write(items);
            long written = Files.size(path) - before;
            if (written != chunkBytes) {
                throw shortWrite(written);
            }
        }
        catch (Exception e) {
            throw new OutputNotWritableException(path, e);
        }
    }

    /** The likely reason first, as the operating system would have said it had the write failed outright. */
    private IOException shortWrite(long written) throws IOException {
        String shortBy = "only " + written + " of " + chunkBytes + " bytes were written";
        return new IOException(Files.getFileStore(path).getUsableSpace() < chunkBytes - written
                ? "No space left on device (" + shortBy + ")" : shortBy);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        try {
            super.update(executionContext);
        }
        catch (RuntimeException e) {
            throw new OutputNotWritableException(path, e);
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        }
        catch (RuntimeException e) {
            throw new OutputNotWritableException(path, e);
        }
    }
}
