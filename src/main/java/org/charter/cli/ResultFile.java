package org.charter.cli;

import org.charter.problem.Problem;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a command's result to standard output, or to a file written whole: to a temporary file beside it, then
 * moved over it, so an interrupted command never leaves half a file behind. Kept apart from {@link Output} so that a
 * command can stream its result without loading Jackson's object mapper.
 */
final class ResultFile {

    /** Writes the content to a {@link Writer}. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private ResultFile() {
    }

    /** Writes to {@code out}, or to standard output when {@code out} is null. */
    static void write(Path out, Content content) {
        if (out == null) {
            try {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                content.writeTo(w);
                w.flush();
            } catch (IOException e) {
                throw new IllegalStateException("cannot write to standard output", e);
            }
            return;
        }
        try {
            Path absolute = out.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Path tmp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            // Temporary files are private (0600); a result file gets the usual permissions.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw Problem.invalid("--out", "cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
