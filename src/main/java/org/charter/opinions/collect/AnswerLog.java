package org.charter.opinions.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.charter.problem.Problem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The collector's output: an append-only JSON-lines answer set. Each answer is one line, written and flushed as
 * soon as it is known, so that a stopped run loses at most the line being written; opening an existing file finds
 * the questions already answered (to skip them) and cuts off a half-written last line.
 */
final class AnswerLog implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Set<Integer> done;
    private final BufferedWriter writer;

    private AnswerLog(Path file, Set<Integer> done, BufferedWriter writer) {
        this.file = file;
        this.done = done;
        this.writer = writer;
    }

    /** Opens (or creates) the file; refuses one that holds answers of another model or condition. */
    static AnswerLog open(Path file, String model, String condition) throws IOException {
        Set<Integer> done = new HashSet<>();
        if (Files.exists(file)) {
            cutPartialLastLine(file);
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw Problem.invalid(file + ":line " + lineNumber, "not an answer line (invalid JSON); "
                            + "is this the collector's output file?");
                }
                String m = node.path("model").asText(null);
                String c = node.path("condition").asText(null);
                if (!model.equals(m) || !condition.equals(c)) {
                    throw Problem.invalid(file + ":line " + lineNumber, "holds answers of model " + m + ", condition " + c
                            + "; to collect " + model + ", " + condition + " write to another file (--out)");
                }
                if (!node.path("qid").canConvertToInt()) {
                    throw Problem.invalid(file + ":line " + lineNumber, "an answer line without a qid");
                }
                done.add(node.path("qid").intValue());
            }
        } else if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return new AnswerLog(file, done, writer);
    }

    /** A process killed while writing leaves a last line without its newline: drop it (it is answered again). */
    private static void cutPartialLastLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            if (length == 0) {
                return;
            }
            raf.seek(length - 1);
            if (raf.read() == '\n') {
                return;
            }
            long pos = length - 1;
            while (pos > 0) {
                raf.seek(pos - 1);
                if (raf.read() == '\n') {
                    break;
                }
                pos--;
            }
            raf.setLength(pos);
        }
    }

    Set<Integer> done() {
        return Set.copyOf(done);
    }

    synchronized void append(Map<String, Object> answer) throws IOException {
        writer.write(JSON.writeValueAsString(answer));
        writer.write('\n');
        writer.flush();
        done.add((Integer) answer.get("qid"));
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
