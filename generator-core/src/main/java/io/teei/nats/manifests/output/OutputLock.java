package io.teei.nats.manifests.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One writer at a time per output directory: an exclusive lock on {@code .nats-manifests-lock}
 * inside it, held while a tree is written and removed afterwards. The operating system drops
 * the lock when its process dies, so a killed writer never blocks the next one; the file it
 * leaves behind is taken over.
 *
 * <p>Three traps of POSIX record locks are handled here. Closing any descriptor of a file drops
 * the process's lock on it, so threads of one JVM first take turns on a semaphore per directory,
 * and the descriptor that verifies the lock stays open as long as the lock. Because the file is
 * removed on release, a waiter may end up locking a file that is gone: the holder writes a token
 * into the file it locked and owns the lock only when the file at the path reads back that token.
 */
public final class OutputLock implements AutoCloseable {

    public static final String FILE = ".nats-manifests-lock";

    private static final ConcurrentMap<Path, Semaphore> THREADS = new ConcurrentHashMap<>();

    private final Path path;
    private final Semaphore turn;
    private final FileChannel channel;
    private final FileChannel verified;
    private final FileLock lock;

    private OutputLock(Path path, Semaphore turn, FileChannel channel, FileChannel verified, FileLock lock) {
        this.path = path;
        this.turn = turn;
        this.channel = channel;
        this.verified = verified;
        this.lock = lock;
    }

    /**
     * Locks {@code root}, waiting up to {@code patience} for another writer to finish.
     *
     * @throws IOException when another writer holds the lock longer, naming its process
     */
    public static OutputLock acquire(Path root, Duration patience) throws IOException {
        Path path = root.toAbsolutePath().normalize().resolve(FILE);
        long deadline = System.nanoTime() + patience.toNanos();
        Semaphore turn = THREADS.computeIfAbsent(path, p -> new Semaphore(1));
        try {
            if (!turn.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(root, path, patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock on " + root, e);
        }
        try {
            return lockFile(root, path, turn, deadline, patience);
        } catch (IOException | RuntimeException e) {
            turn.release();
            throw e;
        }
    }

    private static OutputLock lockFile(Path root, Path path, Semaphore turn, long deadline, Duration patience)
            throws IOException {
        String token = ProcessHandle.current().pid() + " " + UUID.randomUUID() + "\n";
        while (true) {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(bytes), 0);
                FileChannel verified = readsBack(path, bytes);
                if (verified != null) {
                    return new OutputLock(path, turn, channel, verified, lock);
                }
                lock.release();
            }
            channel.close();
            if (System.nanoTime() > deadline) {
                throw busy(root, path, patience);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock on " + root, e);
            }
        }
    }

    /** A channel on the file now at the path when it holds exactly {@code token}, else null (and closed). */
    private static FileChannel readsBack(Path path, byte[] token) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException removedMeanwhile) {
            return null;
        }
        ByteBuffer read = ByteBuffer.allocate(token.length + 1);
        while (channel.read(read, read.position()) > 0 && read.hasRemaining()) {
            // Reads until the file ends or holds more than the token.
        }
        if (read.position() == token.length && java.util.Arrays.equals(read.array(), 0, token.length, token, 0, token.length)) {
            return channel;
        }
        // Another file, locked by another writer: closing this descriptor drops nothing of ours.
        channel.close();
        return null;
    }

    private static IOException busy(Path root, Path path, Duration patience) {
        String holder;
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8).trim();
            holder = text.isEmpty() ? "process unknown" : "process " + text.split(" ")[0];
        } catch (IOException e) {
            holder = "process unknown";
        }
        return new IOException("another nats-manifests generate (" + holder + ") is writing " + root
                + " and did not finish within " + patience.toSeconds() + " s; run again when it has finished");
    }

    /** Removes the lock file, then releases the lock and the directory's turn. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(path);
        } finally {
            try {
                lock.release();
                verified.close();
                channel.close();
            } finally {
                turn.release();
            }
        }
    }
}
