package org.charter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.charter.problem.Problem;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command's result goes: standard output, or the file given with {@code --out}. Results are written
 * whole (to a temporary file, then moved) so that an interrupted command never leaves half a file behind.
 */
public final class Output {

    /** The JSON settings every command uses: records as objects, dates as ISO-8601 text, indented. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Output() {
    }

    public static void json(Object value, Path out) {
        try {
            text(JSON.writeValueAsString(value) + "\n", out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the result", e);
        }
    }

    public static void text(String content, Path out) {
        if (out == null) {
            PrintStream stdout = System.out;
            stdout.print(content);
            stdout.flush();
            return;
        }
        try {
            Path absolute = out.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Path tmp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(content);
            }
            Files.move(tmp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw Problem.invalid("--out", "cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** Progress for long jobs goes to standard error, so that standard output stays the result. */
    public static void progress(String message) {
        System.err.println(message);
    }
}
