package dev.isr.compiler;

import dev.isr.compiler.incremental.BuildStatus.PageEntry;
import dev.isr.compiler.incremental.FileStamp;
import dev.isr.compiler.incremental.IncrementalState;
import dev.isr.compiler.page.PageFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Whether a page changed since the last run: first by its {@link FileStamp} (no read), then by the hash of its
 * bytes, which are then at hand for compiling it.
 *
 * @param unchanged the page's status entry, under the page's current stamp, when it may be skipped
 * @param bytes     the page's bytes; empty when the stamp alone showed it unchanged
 * @param sha256    the hash of the page's bytes
 * @param stamp     the page's stamp, taken before reading it
 */
record PageCheck(Optional<PageEntry> unchanged, Optional<byte[]> bytes, String sha256, Optional<FileStamp> stamp) {

    /** @param now the time of the run, to tell a stamp too recent to trust */
    static PageCheck of(PageFile page, IncrementalState incremental, Instant now) {
        return of(page, FileStamp.read(page.file(), now), incremental);
    }

    /** @param stamp the page's stamp, taken before reading it (by the page walk) */
    static PageCheck of(PageFile page, Optional<FileStamp> stamp, IncrementalState incremental) {
        if (stamp.isPresent()) {
            Optional<PageEntry> entry = incremental.unchanged(page.source(), stamp.get());
            if (entry.isPresent()) {
                return new PageCheck(entry, Optional.empty(), entry.get().sha256(), stamp);
            }
        }
        byte[] bytes = read(page);
        String sha256 = sha256(bytes);
        Optional<PageEntry> entry = incremental.unchanged(page.source(), sha256);
        return new PageCheck(entry.map(e -> e.withStamp(stamp)), Optional.of(bytes), sha256, stamp);
    }

    /**
     * The bytes of the page to compile: those read, or for a page whose stamp showed it unchanged (yet must be
     * compiled, e.g. because its route now clashes with another page's) read now.
     */
    byte[] content(PageFile page) {
        return bytes.orElseGet(() -> read(page));
    }

    private static byte[] read(PageFile page) {
        try {
            return Files.readAllBytes(page.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page " + page.displayPath(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
