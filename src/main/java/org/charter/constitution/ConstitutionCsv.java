package org.charter.constitution;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.charter.abuse.SpreadsheetSafeText;
import org.charter.problem.Problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The CSV export: one row per principle, for spreadsheets. Columns: {@code rank, text, cai, statement_ids} (ids
 * separated by spaces), {@code consensus, bridging, min_group_agreement}, one {@code group_<id>_agreement} per group,
 * {@code votes, statements} (the statements' own texts, separated by " | "), {@code note}.
 *
 * <p>Spreadsheets run a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (also tab or carriage
 * return) as a formula, and principles are written by the public. Every text cell that would be one gets an
 * apostrophe in front ({@link SpreadsheetSafeText}); numbers are written as numbers. {@link #read} removes exactly
 * that apostrophe, so the texts read back as written.
 */
public final class ConstitutionCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private ConstitutionCsv() {
    }

    /** A principle as read back from the CSV. */
    public record Row(int rank, String text, String cai, List<Long> statementIds, double consensus, Double bridging,
                      Map<Integer, Double> groupAgreement, long votes, String note) {
    }

    public static String write(Constitution c) {
        TreeSet<Integer> groups = new TreeSet<>(c.source().groups().keySet());
        c.principles().forEach(p -> groups.addAll(p.groupAgreement().keySet()));
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String column : List.of("rank", "text", "cai", "statement_ids", "consensus", "bridging",
                "min_group_agreement")) {
            schema.addColumn(column);
        }
        groups.forEach(g -> schema.addColumn("group_" + g + "_agreement"));
        schema.addColumn("votes").addColumn("statements").addColumn("note");
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (Constitution.Principle p : c.principles()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", rank++);
            row.put("text", escape(p.text()));
            row.put("cai", escape(p.cai()));
            row.put("statement_ids", p.statementIds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
            row.put("consensus", p.consensus());
            row.put("bridging", p.bridging());
            row.put("min_group_agreement", p.minGroupAgreement());
            for (int g : groups) {
                row.put("group_" + g + "_agreement", p.groupAgreement().get(g));
            }
            row.put("votes", p.votes());
            row.put("statements", escape(p.statements().stream().map(Constitution.Evidence::text)
                    .collect(Collectors.joining(" | "))));
            row.put("note", escape(p.note()));
            rows.add(row);
        }
        try {
            return CSV.writer(schema.build().withHeader()).writeValueAsString(rows);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the constitution as CSV", e);
        }
    }

    /** Reads a CSV export back; a malformed file is a {@link Problem} naming {@code where} and the line. */
    public static List<Row> read(String csv, String where) {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            while (it.hasNext()) {
                Map<String, String> r = it.next();
                int line = it.getCurrentLocation().getLineNr();
                try {
                    Map<Integer, Double> agreement = new LinkedHashMap<>();
                    r.forEach((k, v) -> {
                        if (k.startsWith("group_") && k.endsWith("_agreement") && v != null && !v.isEmpty()) {
                            agreement.put(Integer.parseInt(k.substring(6, k.length() - 10)), Double.parseDouble(v));
                        }
                    });
                    List<Long> ids = new ArrayList<>();
                    for (String id : r.get("statement_ids").strip().split("\\s+")) {
                        ids.add(Long.parseLong(id));
                    }
                    String bridging = r.get("bridging");
                    rows.add(new Row(Integer.parseInt(r.get("rank")), unescape(r.get("text")),
                            unescape(r.get("cai")), ids, Double.parseDouble(r.get("consensus")),
                            bridging == null || bridging.isEmpty() ? null : Double.parseDouble(bridging), agreement,
                            Long.parseLong(r.get("votes")), emptyToNull(unescape(r.get("note")))));
                } catch (RuntimeException e) {
                    throw Problem.invalid(where + ":" + line, "not a row of a Charter constitution CSV: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw Problem.invalid(where, "cannot read the CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    private static String escape(String text) {
        return SpreadsheetSafeText.escape(text);
    }

    private static String unescape(String cell) {
        return SpreadsheetSafeText.unescape(cell);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The locale-independent decimal form used in documents. */
    static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
