package org.charter.polis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.charter.problem.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the rows of one CSV file (Jackson CSV: RFC 4180 quoting, multi-line quoted fields) together with the
 * line each row starts on, so that every complaint can name {@code file:line}. Blank lines are skipped.
 *
 * <p>The current row's fields are kept as character ranges in one reused buffer, and numbers are parsed straight
 * from it: reading a votes file of half a million rows creates no string per field.
 */
final class CsvFile implements AutoCloseable {

    private static final CsvFactory FACTORY = new CsvFactory();

    private final String name;
    private final InputStream reader;
    private final CsvParser parser;
    private char[] chars = new char[256];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private int fields;
    private int line;
    /** The line the next row starts on: rows end at line breaks, except those inside quoted fields. */
    private int nextLine = 1;
    private int width = -1;

    private CsvFile(String name, InputStream reader, CsvParser parser) {
        this.name = name;
        this.reader = reader;
        this.parser = parser;
    }

    static CsvFile open(Path file) {
        String name = file.getFileName().toString();
        try {
            // Jackson decodes UTF-8 itself, faster than through a Reader.
            InputStream in = Files.newInputStream(file);
            return new CsvFile(name, in, FACTORY.createParser(in));
        } catch (IOException e) {
            throw Problem.invalid(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The file's name, as used in error locations. */
    String name() {
        return name;
    }

    /** {@code name:line} of the current row. */
    String where() {
        return name + ":" + line;
    }

    /** Number of fields in the current row. */
    int size() {
        return fields;
    }

    /**
     * Moves to the next non-blank row; false at the end of the file. Once the header has been read, every row must
     * have as many fields as the header.
     */
    boolean next() {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                while (token != null && token != JsonToken.START_ARRAY) {
                    token = parser.nextToken();
                }
                if (token == null) {
                    return false;
                }
                fields = 0;
                int used = 0;
                line = nextLine;
                int breaks = 0;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw Problem.invalid(where(), "the file ends inside a row");
                    }
                    int length = parser.getTextLength();
                    if (used + length > chars.length) {
                        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
                    }
                    char[] text = parser.getTextCharacters();
                    int offset = parser.getTextOffset();
                    System.arraycopy(text, offset, chars, used, length);
                    for (int i = 0; i < length; i++) {
                        if (text[offset + i] == '\n') {
                            breaks++;
                        }
                    }
                    if (fields == starts.length) {
                        starts = Arrays.copyOf(starts, fields * 2);
                        lengths = Arrays.copyOf(lengths, fields * 2);
                    }
                    starts[fields] = used;
                    lengths[fields] = length;
                    fields++;
                    used += length;
                }
                nextLine = line + 1 + breaks;
                if (fields == 1 && isBlank(0)) {
                    continue; // a blank line
                }
                if (width >= 0 && fields != width) {
                    throw Problem.invalid(where(), "expected " + width + " fields like the header, found " + fields);
                }
                return true;
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
        if (!next()) {
            throw Problem.invalid(name, "the file is empty (no header row)");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields; i++) {
            String column = text(i).strip();
            if (i == 0 && column.startsWith("\uFEFF")) {
                column = column.substring(1); // a byte-order mark written by spreadsheet programs
            }
            if (columns.putIfAbsent(column, i) != null) {
                throw Problem.invalid(where(), "column '" + column + "' appears twice in the header");
            }
        }
        width = fields;
        return columns;
    }

    /** The header's column names in order (call right after {@link #header()}). */
    String[] row() {
        String[] row = new String[fields];
        for (int i = 0; i < fields; i++) {
            row[i] = text(i);
        }
        return row;
    }

    /** The index of a column the file must have. */
    int require(Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            throw Problem.invalid(name + ":" + line, "missing column '" + column + "'");
        }
        return index;
    }

    /** Field {@code index} of the current row as text. */
    String text(int index) {
        return new String(chars, starts[index], lengths[index]);
    }

    /** Whether field {@code index} is empty or only spaces. */
    boolean isBlank(int index) {
        for (int i = starts[index], end = starts[index] + lengths[index]; i < end; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** An integer field (Polis writes some as {@code 1.0}); blank is an error. */
    long integer(int index, String column) {
        long value = parseLong(index);
        if (value != NOT_A_LONG) {
            return value;
        }
        String text = text(index).strip();
        if (text.isEmpty()) {
            throw Problem.invalid(where(), column + ": empty, expected an integer");
        }
        try {
            double decimal = Double.parseDouble(text);
            if (decimal == Math.rint(decimal) && Math.abs(decimal) < 0x1p53) {
                return (long) decimal;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the complaint below
        }
        throw Problem.invalid(where(), column + ": '" + text + "' is not an integer");
    }

    private static final long NOT_A_LONG = Long.MIN_VALUE;

    /** A plain decimal integer of up to 18 digits parsed in place, or {@link #NOT_A_LONG}. */
    private long parseLong(int index) {
        int i = starts[index];
        int end = i + lengths[index];
        if (i == end || end - i > 19) {
            return NOT_A_LONG;
        }
        boolean negative = chars[i] == '-';
        if (negative || chars[i] == '+') {
            i++;
        }
        if (i == end || end - i > 18) {
            return NOT_A_LONG;
        }
        long value = 0;
        for (; i < end; i++) {
            char ch = chars[i];
            if (ch < '0' || ch > '9') {
                return NOT_A_LONG;
            }
            value = value * 10 + (ch - '0');
        }
        return negative ? -value : value;
    }

    /** An integer field that may be blank (null). */
    Long optionalInteger(Integer index, String column) {
        if (index == null || isBlank(index)) {
            return null;
        }
        return integer(index, column);
    }

    /** A boolean field ({@code true/false}, {@code t/f}, {@code 1/0}); blank is false. */
    boolean bool(int index, String column) {
        String text = text(index).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "t", "1", "yes" -> true;
            case "false", "f", "0", "no", "" -> false;
            default -> throw Problem.invalid(where(), column + ": '" + text + "' is not true or false");
        };
    }

    /** A decimal field that may be blank (null). */
    Double optionalDecimal(Integer index, String column) {
        if (index == null || isBlank(index)) {
            return null;
        }
        String text = text(index).strip();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw Problem.invalid(where(), column + ": '" + text + "' is not a number");
        }
    }

    /** A timestamp in epoch milliseconds (see {@link PolisTimestamps#toMillis}). */
    long timestamp(int index, String column) {
        long value = parseLong(index);
        if (value != NOT_A_LONG) {
            return PolisTimestamps.toMillis(value);
        }
        String text = text(index).strip();
        if (text.isEmpty()) {
            throw Problem.invalid(where(), column + ": empty, expected a timestamp");
        }
        try {
            return PolisTimestamps.toMillis(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw Problem.invalid(where(), column + ": '" + text
                    + "' is not a timestamp (epoch seconds or milliseconds)");
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
