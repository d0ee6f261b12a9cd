package org.charter.opinions;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.charter.problem.Problem;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV layer of Charter's readers: Jackson CSV splits the text into rows of cells (quoted fields may span
 * lines), and each row keeps the line it starts on, so that errors can name it.
 */
final class CsvRows {

    /** The streaming factory alone: rows of strings need no data binding. */
    private static final CsvFactory CSV = new CsvFactory();

    record Row(int line, List<String> cells) {
        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String cell(Integer index) {
            return index == null || index >= cells.size() ? null : cells.get(index);
        }
    }

    private CsvRows() {
    }

    static List<Row> read(String csv, String file) {
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        int lastLine = 0;
        try (CsvParser p = CSV.createParser(new StringReader(csv))) {
            p.setSchema(CsvSchema.emptySchema());
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            int depth = 0;
            List<String> cells = null;
            int line = -1;
            int lastValueEnd = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    depth++;
                    if (depth == 2) {
                        cells = new ArrayList<>();
                        line = -1;
                    }
                } else if (t == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth == 1 && cells != null) {
                        rows.add(new Row(line < 0 ? lastLine + 1 : line, cells));
                        lastLine = lastValueEnd;
                    }
                } else if (cells != null) {
                    int at = p.currentTokenLocation().getLineNr();
                    if (line < 0) {
                        line = at;
                    }
                    String text = p.getText();
                    cells.add(text);
                    lastValueEnd = at + Math.toIntExact(text.chars().filter(c -> c == '\n').count());
                }
            }
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "malformed CSV" : e.getMessage().split("\n")[0];
            if (reason.toLowerCase(Locale.ROOT).contains("missing closing quote")) {
                reason = "a quoted value that starts on or after this line is never closed (missing closing quote)";
            }
            throw Problem.invalid(file + ":line " + (lastLine + 1), "malformed CSV: " + reason, e);
        }
        return rows;
    }

    /** Column name (trimmed, lower case) → index; unnamed columns (a pandas index) are ignored. */
    static Map<String, Integer> header(Row header, String file) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (columns.put(name, i) != null) {
                throw Problem.invalid(file + ":line " + header.line(), "the column '" + name + "' appears twice");
            }
        }
        return columns;
    }
}
