package org.charter.opinions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.charter.abuse.SpreadsheetSafeText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a survey dataset in the GlobalOpinionQA CSV format, with Python literals as Python's {@code repr} writes
 * them ({@code defaultdict(<class 'list'>, {'Country': [0.25, nan]})}, {@code ['Yes', "Don't know"]}), so that
 * pandas and {@link SurveyCsvReader} read it back unchanged. Explicit ordinal positions go to an {@code ordinal} column.
 * Question texts and sources that a spreadsheet would run as a formula get an apostrophe in front
 * ({@link SpreadsheetSafeText}), which the reader takes off.
 */
public final class SurveyCsvWriter {

    private static final CsvMapper CSV = new CsvMapper();

    private SurveyCsvWriter() {
    }

    public static String write(SurveyDataset dataset) {
        boolean explicit = dataset.questions().stream()
                .anyMatch(q -> q.ordinal() != null && q.ordinal().basis().startsWith("explicit"));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true)
                .addColumn("question").addColumn("selections").addColumn("options").addColumn("source");
        if (explicit) {
            schema.addColumn("ordinal");
        }
        List<Object[]> rows = new ArrayList<>();
        for (SurveyQuestion q : dataset.questions()) {
            String ordinal = q.ordinal() == null || !q.ordinal().basis().startsWith("explicit") ? "" : list(q.ordinal().positions());
            rows.add(explicit
                    ? new Object[]{safe(q.text()), selections(q.countries()), strings(q.options()), safe(q.source()), ordinal}
                    : new Object[]{safe(q.text()), selections(q.countries()), strings(q.options()), safe(q.source())});
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }

    private static String safe(String text) {
        return SpreadsheetSafeText.escape(text);
    }

    static String selections(Map<String, double[]> countries) {
        StringBuilder s = new StringBuilder("defaultdict(<class 'list'>, {");
        boolean first = true;
        for (Map.Entry<String, double[]> e : countries.entrySet()) {
            if (!first) {
                s.append(", ");
            }
            first = false;
            s.append(string(e.getKey())).append(": ").append(list(e.getValue()));
        }
        return s.append("})").toString();
    }

    static String strings(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        }
        return s.append(']').toString();
    }

    static String list(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return s.append(']').toString();
    }

    /** Python's repr of a str: single quotes unless the text has ' and no ", escapes for the rest. */
    static String string(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder s = new StringBuilder().append(quote);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (cp == quote) {
                        s.append('\\').append((char) cp);
                    } else if (cp < 0x20 || cp == 0x7f) {
                        s.append(String.format("\\x%02x", cp));
                    } else {
                        s.appendCodePoint(cp);
                    }
                }
            }
        });
        return s.append(quote).toString();
    }

    /** Python's repr of a float: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros(); // JDK 19+: shortest digits
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = d.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
