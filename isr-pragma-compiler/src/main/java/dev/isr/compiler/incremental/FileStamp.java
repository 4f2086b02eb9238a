package dev.isr.compiler.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A page file's size and modification time, as make and javac use them: a page whose stamp equals the one
 * recorded when it was last compiled is taken as unchanged without being read or hashed, which is what lets a
 * build where nothing changed finish in a fraction of a second. Any other stamp only means "read and hash it":
 * a touched page with the same bytes is still skipped.
 *
 * <p>The accepted trade-off: an edit that keeps both the size and the modification time (to the nanosecond the
 * file system keeps) is not seen, as with make; such an edit takes a tool that sets the time back on purpose.
 * A stamp younger than {@link #SETTLE} when it was taken is not trusted either (it reads as {@link #read}'s
 * empty result), because a second write within the same clock tick could keep it: such a page is hashed next
 * time too.
 *
 * @param size           bytes
 * @param modifiedNanos  modification time in nanoseconds since the epoch
 */
public record FileStamp(long size, long modifiedNanos) {

    /** How old a modification must be before its stamp is trusted (a file system clock tick, with margin). */
    static final Duration SETTLE = Duration.ofSeconds(2);

    /**
     * The stamp of {@code file} as of {@code now}; empty when the file changed too recently to be trusted.
     * Take it before reading the file, so a write after the read shows as a changed stamp.
     */
    public static Optional<FileStamp> read(Path file, Instant now) {
        try {
            return of(Files.readAttributes(file, BasicFileAttributes.class), now);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + file, e);
        }
    }

    /**
     * The stamp in attributes already read, such as the page walk's (one stat per page fewer), as of {@code now};
     * empty when the file changed too recently to be trusted.
     */
    public static Optional<FileStamp> of(BasicFileAttributes attributes, Instant now) {
        Instant modified = attributes.lastModifiedTime().toInstant();
        if (modified.isAfter(now.minus(SETTLE))) {
            return Optional.empty();
        }
        return Optional.of(new FileStamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
    }

    /**
     * Written out: a record's generated {@code equals} links through {@code ObjectMethods} on first use, which
     * in Maven's cold JVM cost a build where nothing changed more than comparing two longs a thousand times.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp stamp && stamp.size == size && stamp.modifiedNanos == modifiedNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Long.hashCode(modifiedNanos);
    }

    /** {@code size:nanos}, the form the build status keeps. */
    @Override
    public String toString() {
        return size + ":" + modifiedNanos;
    }

    static Optional<FileStamp> parse(String text) {
        if (text.equals("-")) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        return Optional.of(new FileStamp(Long.parseLong(text.substring(0, colon)),
                Long.parseLong(text.substring(colon + 1))));
    }
}
