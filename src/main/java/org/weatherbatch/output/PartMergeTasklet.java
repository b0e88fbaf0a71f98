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
 * Puts a run's part files together into the night's three outputs, in input order: the stage
 * step's failures, then each fetch partition's files in partition order, under one header.
 * Each output is written beside its final name and renamed over it, so it appears whole or
 * not at all. The parts are removed only once all three are in place (recorded in the step's
 * context), so a crash at any point and a rerun leave exactly one correct copy.
 */
public class PartMergeTasklet implements Tasklet {

    static final String MERGED = "merged";

    private final OutputFiles outputs;

    private final long jobInstanceId;

    public PartMergeTasklet(OutputFiles outputs, long jobInstanceId) {
        this.outputs = outputs;
        this.jobInstanceId = jobInstanceId;
    }

    /** Whether the merge put the parts in place: they may be gone since. */
    public static boolean merged(ExecutionContext mergeStepContext) {
        return mergeStepContext.containsKey(MERGED);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        if (!context.containsKey(MERGED)) {
            List<OutputFiles> parts = parts();
            OutputFiles stage = outputs.stagePart(jobInstanceId);
            merge(outputs.jsonLines(), null, parts, OutputFiles::jsonLines);
            merge(outputs.csv(), OutputWriters.csvHeader(), parts, OutputFiles::csv);
            merge(outputs.failures(), OutputWriters.failuresHeader(),
                    Stream.concat(Stream.of(stage), parts.stream()).toList(), OutputFiles::failures);
            context.put(MERGED, true);
            return RepeatStatus.CONTINUABLE; // the step records MERGED before any part goes
        }
        outputs.deleteParts(jobInstanceId);
        return RepeatStatus.FINISHED;
    }

    /** The fetch partitions' parts on disk, in partition order. */
    private List<OutputFiles> parts() {
        List<OutputFiles> parts = new ArrayList<>();
        for (int part = 0; Files.exists(outputs.part(jobInstanceId, part).jsonLines()); part++) {
            parts.add(outputs.part(jobInstanceId, part));
        }
        return parts;
    }

    private static void merge(Path output, String header, List<OutputFiles> parts, Function<OutputFiles, Path> file) {
        try {
            concatenate(output, header, parts, file);
        }
        catch (IOException e) {
            throw new OutputNotWritableException(output, e);
        }
    }

    private static void concatenate(Path output, String header, List<OutputFiles> parts,
            Function<OutputFiles, Path> file) throws IOException {
        Path merging = output.resolveSibling(output.getFileName() + ".merging");
        try (FileChannel out = FileChannel.open(merging, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            if (header != null) {
                ByteBuffer headerLine = StandardCharsets.UTF_8.encode(header + System.lineSeparator());
                while (headerLine.hasRemaining()) {
                    out.write(headerLine); // a file channel may write only part of it
                }
            }
            for (OutputFiles part : parts) {
                Path source = file.apply(part);
                if (Files.exists(source)) {
                    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
                        long size = in.size();
                        for (long done = 0; done < size;) {
                            done += in.transferTo(done, size - done, out);
                        }
                    }
                }
            }
            out.force(true);
        }
        Files.move(merging, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel folder = FileChannel.open(output.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true); // the rename itself on disk
        }
    }
}
