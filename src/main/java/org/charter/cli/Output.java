package org.charter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
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
        ResultFile.write(out, writer -> writer.write(content));
    }

    /** Progress for long jobs goes to standard error, so that standard output stays the result. */
    public static void progress(String message) {
        System.err.println(message);
    }
}
