package org.weatherbatch.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Puts a run's part files together into the night's three outputs: the stage step's failures,
 * then each fetch partition's files in partition order, under one header. A retry of the
 * night's failures puts its weather after the night's own lines (they carry no line number to
 * sort by), and its failures file replaces the night's: the failures its stage kept, then what
 * still failed. In three commits: every output is written whole beside its name (recorded:
 * PREPARED), then each is renamed over its name (MERGED), then the parts go. A crash at any
 * point and a rerun leave exactly one copy of each line: once PREPARED, a rerun only renames
 * what is left to rename, and never reads the night's files again, which may be renamed already.
 */
public class PartMergeTasklet implements Tasklet {

    static final String PREPARED = "prepared";

    static final String MERGED = "merged";

    private final OutputFiles outputs;

    private final long jobInstanceId;

    private final boolean intoNight;

    /** @param intoNight add to the night's outputs (a retry's), rather than make them (the night's own run) */
    public PartMergeTasklet(OutputFiles outputs, long jobInstanceId, boolean intoNight) {
        this.outputs = outputs;
        this.jobInstanceId = jobInstanceId;
        this.intoNight = intoNight;
    }

    /** Whether the merge put the parts in place: they may be gone since. */
    public static boolean merged(ExecutionContext mergeStepContext) {
        return mergeStepContext.containsKey(MERGED);
    }

    /** Whether the merge wrote its outputs beside their names and may have renamed some of them, not all. */
    public static boolean renaming(ExecutionContext mergeStepContext) {
        return mergeStepContext.containsKey(PREPARED) && !merged(mergeStepContext);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        if (!context.containsKey(PREPARED)) {
            prepare();
            context.put(PREPARED, true);
            return RepeatStatus.CONTINUABLE; // the step records each phase before the next begins
        }
        if (!context.containsKey(MERGED)) {
            for (Path output : List.of(outputs.jsonLines(), outputs.csv(), outputs.failures())) {
                if (Files.exists(merging(output))) {
                    rename(output);
                }
            }
            context.put(MERGED, true);
            return RepeatStatus.CONTINUABLE;
        }
        outputs.deleteParts(jobInstanceId);
        return RepeatStatus.FINISHED;
    }

    private void prepare() {
        if (intoNight) {
            for (Path night : List.of(outputs.jsonLines(), outputs.csv())) {
                if (!Files.isRegularFile(night)) {
                    throw new IllegalStateException("The night's file " + night + " is gone: restore it, or start "
                            + "the night again with --weather.rerun");
                }
            }
        }
        List<OutputFiles> parts = parts();
        List<OutputFiles> weather = intoNight ? Stream.concat(Stream.of(outputs), parts.stream()).toList() : parts;
        concatenate(outputs.jsonLines(), null, weather, OutputFiles::jsonLines);
        concatenate(outputs.csv(), intoNight ? null : OutputWriters.csvHeader(), weather, OutputFiles::csv);
        concatenate(outputs.failures(), OutputWriters.failuresHeader(),
                Stream.concat(Stream.of(outputs.stagePart(jobInstanceId)), parts.stream()).toList(),
                OutputFiles::failures);
    }

    /** The fetch partitions' parts on disk, in partition order. */
    private List<OutputFiles> parts() {
        List<OutputFiles> parts = new ArrayList<>();
        for (int part = 0; Files.exists(outputs.part(jobInstanceId, part).jsonLines()); part++) {
            parts.add(outputs.part(jobInstanceId, part));
        }
        return parts;
    }

    private static Path merging(Path output) {
        return output.resolveSibling(output.getFileName() + ".merging");
    }

    /** Writes the output whole beside its name, on disk before the step records that it did. */
    private static void concatenate(Path output, String header, List<OutputFiles> sources,
            Function<OutputFiles, Path> file) {
        try (FileChannel out = FileChannel.open(merging(output), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            if (header != null) {
                ByteBuffer headerLine = StandardCharsets.UTF_8.encode(header + System.lineSeparator());
                while (headerLine.hasRemaining()) {
                    out.write(headerLine); // a file channel may write only part of it
                }
            }
            for (OutputFiles source : sources) {
                Path part = file.apply(source);
                if (Files.exists(part)) {
                    try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                        long size = in.size();
                        for (long done = 0; done < size;) {
                            done += in.transferTo(done, size - done, out);
                        }
                    }
                }
            }
            out.force(true);
        }
        catch (IOException e) {
            throw new OutputNotWritableException(output, e);
        }
    }

    private static void rename(Path output) {
        try {
            Files.move(merging(output), output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel folder = FileChannel.open(output.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                folder.force(true); // the rename itself on disk
            }
        }
        catch (IOException e) {
            throw new OutputNotWritableException(output, e);
        }
    }
}
