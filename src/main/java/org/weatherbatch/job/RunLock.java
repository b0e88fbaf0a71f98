package org.weatherbatch.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An operating-system lock on one run (input file and date), held by the process that
 * runs it for as long as it runs. The operating system releases it when the process ends
 * in any way, SIGKILL and power loss included, so a run left STARTED in the job repository
 * whose lock is free belongs to no live process and can safely be recovered. The lock
 * files live in the state folder: they guard launches on one machine, which is where a
 * file-based H2 job repository lives too.
 */
final class RunLock implements AutoCloseable {

    private final FileChannel channel;

    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the run's lock, or returns null when another process (or this one) holds it.
     */
    static RunLock tryAcquire(Path lockDir, String run) throws IOException {
        Files.createDirectories(lockDir);
        FileChannel channel = FileChannel.open(lockDir.resolve(fileName(run)), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + run + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
                return new RunLock(channel, lock);
            }
        }
        catch (OverlappingFileLockException heldHere) {
            // this JVM runs it already
        }
        channel.close();
        return null;
    }

    /** The process id written by the lock's holder, for the operator. */
    static String holder(Path lockDir, String run) {
        try {
            String content = Files.readString(lockDir.resolve(fileName(run)), StandardCharsets.UTF_8).strip();
            return content.isEmpty() ? "unknown" : content.split("\\s+", 2)[0];
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    private static String fileName(String run) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(run.getBytes(StandardCharsets.UTF_8));
            return "run-" + HexFormat.of().formatHex(digest, 0, 8) + ".lock";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
