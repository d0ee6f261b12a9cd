package org.charter.opinions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.charter.abuse.SpreadsheetSafeText;

import java.util.ArrayList;
import java.util.List;

/**
 * Rankings and comparisons as CSV tables (one row per country, best first), for spreadsheets and R/pandas. Country
 * names come from uploaded files, so they are written spreadsheet-safe ({@link SpreadsheetSafeText}); numbers stay
 * numbers.
 */
public final class ReportCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private ReportCsv() {
    }

    public static String ranking(SimilarityReport report) {
        List<Object[]> rows = new ArrayList<>();
        int rank = 1;
        for (CountryScore c : report.countries()) {
            rows.add(new Object[]{rank++, safe(c.country()), safe(c.iso3()), c.similarity(), c.questions(),
                    c.ci95() == null ? null : c.ci95()[0], c.ci95() == null ? null : c.ci95()[1]});
        }
        return write(rows, "rank", "country", "iso3", "similarity", "questions", "ci95_low", "ci95_high");
    }

    public static String comparison(ComparisonReport report) {
        List<Object[]> rows = new ArrayList<>();
        int rank = 1;
        for (ComparisonReport.CountryChange c : report.countries()) {
            rows.add(new Object[]{rank++, safe(c.country()), safe(c.iso3()), c.before(), c.after(), c.change(), c.questions(),
                    c.ci95() == null ? null : c.ci95()[0], c.ci95() == null ? null : c.ci95()[1]});
        }
        return write(rows, "rank", "country", "iso3", "before", "after", "change", "questions", "ci95_low", "ci95_high");
    }

    private static String safe(String text) {
        return SpreadsheetSafeText.escape(text);
    }

    private static String write(List<Object[]> rows, String... columns) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String c : columns) {
            schema.addColumn(c);
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }
}
