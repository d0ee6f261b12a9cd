package org.charter.opinions;

/**
 * Something wrong with one place in an input file: a skipped row, a country dropped from a question, a
 * normalized distribution. {@code line} is 1-based (the header is line 1 of a CSV), {@code column} may be null.
 */
public record Issue(int line, String column, String message) {

    /** {@code file:line N, column C}: the form Charter uses in errors so that people can find the spot. */
    public String where(String file) {
        return (file == null ? "" : file + ":") + "line " + line + (column == null ? "" : ", column " + column);
    }
}
