package org.charter.polis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.charter.problem.Problem;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of one CSV file (Jackson CSV, RFC 4180 quoting, multi-line quoted fields) together with the
 * line each row starts on, so that every complaint can name {@code file:line}. Blank lines are skipped.
 */
final class CsvFile implements AutoCloseable {

    private static final CsvFactory FACTORY = new CsvFactory();

    private final String name;
    private final Reader reader;
    private final CsvParser parser;
    private final List<String> fields = new ArrayList<>();
    private int line;
    private int width = -1;

    private CsvFile(String name, Reader reader, CsvParser parser) {
        this.name = name;
        this.reader = reader;
        this.parser = parser;
    }

    static CsvFile open(Path file) {
        String name = file.getFileName().toString();
        try {
            Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            CsvParser parser = FACTORY.createParser(reader);
            return new CsvFile(name, reader, parser);
        } catch (IOException e) {
            throw Problem.invalid(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The file's name, as used in error locations. */
    String name() {
        return name;
    }

    /** {@code name:line} of the row last returned by {@link #next()}. */
    String where() {
        return name + ":" + line;
    }

    /** The line the row last returned by {@link #next()} starts on (1-based). */
    int line() {
        return line;
    }

    /** The next non-blank row, or null at the end of the file. The array is fresh for each call. */
    String[] next() {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                while (token != null && token != JsonToken.START_ARRAY) {
                    token = parser.nextToken();
                }
                if (token == null) {
                    return null;
                }
                fields.clear();
                int start = -1;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw Problem.invalid(name + ":" + Math.max(start, 1), "the file ends inside a row");
                    }
                    if (start < 0) {
                        start = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                }
                line = start;
                if (fields.size() == 1 && fields.getFirst().isBlank()) {
                    continue; // a blank line
                }
                if (width >= 0 && fields.size() != width) {
                    throw Problem.invalid(where(), "expected " + width + " fields like the header, found "
                            + fields.size());
                }
                return fields.toArray(String[]::new);
            }
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? line + 1 : e.getLocation().getLineNr();
            throw Problem.invalid(name + ":" + at, "malformed CSV: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw Problem.invalid(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads the header row and returns column name → index; fails naming the file if there is none. */
    Map<String, Integer> header() {
        String[] header = next();
        if (header == null) {
            throw Problem.invalid(name, "the file is empty (no header row)");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String column = header[i].strip();
            if (i == 0 && column.startsWith("\uFEFF")) {
                column = column.substring(1); // a byte-order mark written by spreadsheet programs
            }
            if (columns.putIfAbsent(column, i) != null) {
                throw Problem.invalid(where(), "column '" + column + "' appears twice in the header");
            }
        }
        width = header.length;
        return columns;
    }

    /** The index of a column the file must have. */
    int require(Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            throw Problem.invalid(name + ":" + line, "missing column '" + column + "'");
        }
        return index;
    }

    /** The row's field at {@code index}, or a clear complaint when the row is too short. */
    String field(String[] row, int index, String column) {
        if (index >= row.length) {
            throw Problem.invalid(where(), "the row has " + row.length + " fields; column '" + column
                    + "' is missing");
        }
        return row[index];
    }

    /** An integer field (Polis writes some as {@code 1.0}); blank is an error. */
    long integer(String[] row, int index, String column) {
        String text = field(row, index, column).strip();
        if (text.isEmpty()) {
            throw Problem.invalid(where(), column + ": empty, expected an integer");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                double value = Double.parseDouble(text);
                if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
                    return (long) value;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the complaint below
            }
            throw Problem.invalid(where(), column + ": '" + text + "' is not an integer");
        }
    }

    /** An integer field that may be blank (null). */
    Long optionalInteger(String[] row, Integer index, String column) {
        if (index == null || index >= row.length || row[index].isBlank()) {
            return null;
        }
        return integer(row, index, column);
    }

    /** A boolean field ({@code true/false}, {@code t/f}, {@code 1/0}); blank is false. */
    boolean bool(String[] row, int index, String column) {
        String text = field(row, index, column).strip().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "t", "1", "yes" -> true;
            case "false", "f", "0", "no", "" -> false;
            default -> throw Problem.invalid(where(), column + ": '" + text + "' is not true or false");
        };
    }

    /** A decimal field that may be blank (null). */
    Double optionalDecimal(String[] row, Integer index, String column) {
        if (index == null || index >= row.length || row[index].isBlank()) {
            return null;
        }
        String text = row[index].strip();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw Problem.invalid(where(), column + ": '" + text + "' is not a number");
        }
    }

    /**
     * A timestamp in epoch milliseconds. Polis exports write milliseconds (older and most files) or seconds
     * (the 2024+ TypeScript exporter, sometimes with a fraction); a value below 10^11 cannot be milliseconds
     * of a date after 1973, so it is read as seconds.
     */
    long timestamp(String[] row, int index, String column) {
        String text = field(row, index, column).strip();
        if (text.isEmpty()) {
            throw Problem.invalid(where(), column + ": empty, expected a timestamp");
        }
        try {
            return PolisTimestamps.toMillis(text);
        } catch (NumberFormatException e) {
            throw Problem.invalid(where(), column + ": '" + text + "' is not a timestamp (epoch seconds or milliseconds)");
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
            reader.close();
        } catch (IOException ignored) {
            // reading is finished; nothing is lost by a failed close
        }
    }
}
