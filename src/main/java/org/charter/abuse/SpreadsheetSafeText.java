package org.charter.abuse;

/**
 * Text cells for CSV files that people open in spreadsheets. A spreadsheet runs a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} — or with a tab or carriage return before one — as a formula, and statements,
 * survey questions and country names come from the public ("CSV injection", OWASP). {@link #escape} puts an apostrophe
 * in front of such a cell, which spreadsheets show as plain text; {@link #unescape} takes exactly that apostrophe off
 * again, so a file read back gives the texts as written.
 *
 * <p>Only text cells are escaped: numbers such as {@code -0.25} are data and are written as numbers. The escape is
 * reversible because a text that already starts with apostrophes before a trigger character gets one more
 * ({@code '=x} is written {@code ''=x}); texts that merely start with an apostrophe ({@code 'quoted'}) are left alone.
 */
public final class SpreadsheetSafeText {

    /** What makes a spreadsheet read a cell as a formula. */
    private static final String TRIGGERS = "=+-@\t\r";

    private SpreadsheetSafeText() {
    }

    /** The text as a cell no spreadsheet runs; null and "" stay as they are. */
    public static String escape(String text) {
        return text != null && opensFormula(text) ? "'" + text : text;
    }

    /** Undoes {@link #escape}: the cell's text as it was written. */
    public static String unescape(String cell) {
        return cell != null && cell.startsWith("'") && opensFormula(cell) ? cell.substring(1) : cell;
    }

    /** True when, after any apostrophes, the text starts with a trigger character. */
    private static boolean opensFormula(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && TRIGGERS.indexOf(text.charAt(i)) >= 0;
    }
}
