package org.charter.opinions;

import org.charter.abuse.SpreadsheetSafeText;
import org.charter.opinions.CsvRows.Row;
import org.charter.problem.Problem;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a survey dataset in the GlobalOpinionQA CSV format: header {@code question,selections,options,source}
 * (source optional; an optional {@code ordinal} column gives explicit scale positions; other columns are ignored).
 * Jackson CSV does the CSV layer (quoted fields with line breaks, doubled quotes); {@link PythonLiteral} reads the
 * {@code selections} dict and the {@code options} list.
 * <p>
 * A row that cannot be used is skipped and reported with its line, column and reason; it keeps its qid (the
 * 0-based row index), so qids always match the published file. A country whose share list is malformed is dropped
 * from that question with a warning. A broken CSV layer (unclosed quote, missing required column) stops the read.
 */
public final class SurveyCsvReader {

    private static final List<String> REQUIRED = List.of("question", "selections", "options");

    private final String file;
    private final List<Issue> skipped = new ArrayList<>();
    private final List<Issue> warnings = new ArrayList<>();

    private SurveyCsvReader(String file) {
        this.file = file;
    }

    public static SurveyDataset read(Path path) {
        try {
            return read(Files.readString(path, StandardCharsets.UTF_8), path.getFileName().toString());
        } catch (java.nio.charset.MalformedInputException e) {
            throw Problem.invalid(path.toString(), "the file is not UTF-8 text");
        } catch (IOException e) {
            throw Problem.invalid(path.toString(), "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads CSV text; {@code file} names the input in errors (a file name, or "upload"). */
    public static SurveyDataset read(String csv, String file) {
        return new SurveyCsvReader(file).parse(csv);
    }

    public static SurveyDataset read(Reader reader, String file) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        reader.transferTo(text);
        return read(text.toString(), file);
    }

    private SurveyDataset parse(String csv) {
        List<Row> rows = CsvRows.read(csv, file);
        if (rows.isEmpty()) {
            throw Problem.invalid(file, "the file is empty; expected a header line: question,selections,options,source");
        }
        Map<String, Integer> columns = header(rows.getFirst());
        List<Row> data = rows.subList(1, rows.size()).stream()
                .filter(r -> !r.isBlank()) // blank lines are not rows (pandas skips them too), so they take no qid
                .toList();
        // rows are independent: read their literals on all cores, then gather in row order
        List<RowResult> results = java.util.stream.IntStream.range(0, data.size()).parallel()
                .mapToObj(qid -> readRow(qid, data.get(qid), columns))
                .toList();
        List<SurveyQuestion> questions = new ArrayList<>();
        for (RowResult r : results) {
            warnings.addAll(r.warnings());
            if (r.question() != null) {
                questions.add(r.question());
            } else {
                skipped.add(r.skipped());
            }
        }
        int qid = data.size();
        if (qid == 0) {
            throw Problem.invalid(file + ":line 2", "the file has a header but no question rows");
        }
        if (questions.isEmpty()) {
            Issue first = skipped.getFirst();
            throw Problem.invalid(first.where(file), "no row could be read; the first problem: " + first.message());
        }
        return new SurveyDataset(file, qid, questions, skipped, warnings);
    }

    private Map<String, Integer> header(Row header) {
        Map<String, Integer> columns = CsvRows.header(header, file);
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw Problem.invalid(file + ":line " + header.line(), "missing column '" + required
                        + "'; expected a header with question,selections,options (and optionally source)");
            }
        }
        return columns;
    }

    private record RowResult(SurveyQuestion question, Issue skipped, List<Issue> warnings) {
    }

    private RowResult readRow(int qid, Row row, Map<String, Integer> columns) {
        List<Issue> rowWarnings = new ArrayList<>();
        try {
            return new RowResult(question(qid, row, columns, rowWarnings), null, rowWarnings);
        } catch (RowSkipped e) {
            return new RowResult(null, e.issue, rowWarnings);
        }
    }

    private static final class RowSkipped extends Exception {
        final Issue issue;

        RowSkipped(Issue issue) {
            super(issue.message(), null, false, false);
            this.issue = issue;
        }
    }

    private SurveyQuestion question(int qid, Row row, Map<String, Integer> columns, List<Issue> warnings) throws RowSkipped {
        String text = SpreadsheetSafeText.unescape(row.cell(columns.get("question"))); // as SurveyCsvWriter escaped it
        if (text == null || text.isBlank()) {
            throw skip(row, "question", "the question text is empty");
        }
        List<String> options = options(row, row.cell(columns.get("options")));
        Map<String, double[]> countries = selections(row, row.cell(columns.get("selections")), options.size(), warnings);
        String source = SpreadsheetSafeText.unescape(row.cell(columns.get("source")));
        OrdinalScale scale = scale(row, row.cell(columns.get("ordinal")), options, warnings);
        return new SurveyQuestion(qid, row.line(), text, options, source == null ? "" : source.strip(), countries, scale);
    }

    private List<String> options(Row row, String cell) throws RowSkipped {
        if (cell == null || cell.isBlank()) {
            throw skip(row, "options", "the options are empty");
        }
        Object parsed = literal(row, "options", cell);
        if (!(parsed instanceof List<?> list)) {
            throw skip(row, "options", "expected a list such as ['Yes', 'No']");
        }
        if (list.size() < 2) {
            throw skip(row, "options", "a question needs at least two options, found " + list.size());
        }
        List<String> options = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> || o instanceof List<?>) {
                throw skip(row, "options", "an option must be text or a number, found a nested collection");
            }
            options.add(PythonLiteral.display(o));
        }
        return options;
    }

    private Map<String, double[]> selections(Row row, String cell, int optionCount, List<Issue> warnings) throws RowSkipped {
        if (cell == null || cell.isBlank()) {
            throw skip(row, "selections", "the selections are empty");
        }
        Object parsed = literal(row, "selections", cell);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw skip(row, "selections", "expected a dict such as {'Country': [0.4, 0.6]}");
        }
        Map<String, double[]> countries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String country = PythonLiteral.display(e.getKey()).strip();
            double[] shares = shares(row, country, e.getValue(), optionCount, warnings);
            if (shares != null) {
                if (countries.containsKey(country)) {
                    warn(warnings, row, "selections", country + " appears twice (after trimming spaces); the first is kept");
                    continue;
                }
                countries.put(country, shares);
            }
        }
        if (countries.isEmpty()) {
            warn(warnings, row, "selections", "no country has usable answer shares");
        }
        return countries;
    }

    /** One country's shares; null (with a warning) when they cannot be used for this question. */
    private double[] shares(Row row, String country, Object value, int optionCount, List<Issue> warnings) {
        if (country.isEmpty()) {
            warn(warnings, row, "selections", "a country name is empty; its shares are ignored");
            return null;
        }
        if (!(value instanceof List<?> list)) {
            warn(warnings, row, "selections", country + ": expected a list of shares; the country is left out of this question");
            return null;
        }
        double[] shares = new double[optionCount];
        if (list.isEmpty()) {
            Arrays.fill(shares, Double.NaN); // no answers at all: kept, and skipped (counted) by the metric
            return shares;
        }
        if (list.size() != optionCount) {
            warn(warnings, row, "selections", country + " has " + list.size() + " shares for " + optionCount
                    + " options; the country is left out of this question");
            return null;
        }
        for (int i = 0; i < optionCount; i++) {
            Object v = list.get(i);
            double share;
            if (v == null || (v instanceof String str && str.isBlank())) {
                share = Double.NaN;
            } else if (v instanceof PythonLiteral.Num n) {
                share = n.value();
            } else if (v instanceof String str) {
                try {
                    share = PythonLiteral.parseFloatText(str.strip());
                } catch (NumberFormatException e) {
                    warn(warnings, row, "selections", country + ": share " + (i + 1) + " is not a number ('" + str
                            + "'); the country is left out of this question");
                    return null;
                }
            } else {
                warn(warnings, row, "selections", country + ": share " + (i + 1)
                        + " is not a number; the country is left out of this question");
                return null;
            }
            if (share < 0 || Double.isInfinite(share)) {
                warn(warnings, row, "selections", country + ": share " + (i + 1) + " is " + share
                        + " (shares must be finite and not negative); the country is left out of this question");
                return null;
            }
            shares[i] = share;
        }
        return shares;
    }

    private OrdinalScale scale(Row row, String cell, List<String> options, List<Issue> warnings) {
        if (cell == null || cell.isBlank()) {
            return OrdinalScales.infer(options).orElse(null);
        }
        Object parsed;
        try {
            parsed = PythonLiteral.parse(cell);
        } catch (PythonLiteral.SyntaxError e) {
            warn(warnings, row, "ordinal", "cannot read the positions (" + e.getMessage() + "); inferred instead");
            return OrdinalScales.infer(options).orElse(null);
        }
        if (parsed == null) {
            return null; // explicitly not ordinal
        }
        if (!(parsed instanceof List<?> list) || list.size() > options.size()) {
            warn(warnings, row, "ordinal", "expected a list of at most one position per option; inferred instead");
            return OrdinalScales.infer(options).orElse(null);
        }
        double[] positions = new double[options.size()];
        Arrays.fill(positions, Double.NaN); // OpinionQA convention: options after the list are off the scale
        for (int i = 0; i < list.size(); i++) {
            Object v = list.get(i);
            if (v instanceof PythonLiteral.Num n) {
                positions[i] = n.value();
            } else if (v != null) {
                warn(warnings, row, "ordinal", "position " + (i + 1) + " is not a number; inferred instead");
                return OrdinalScales.infer(options).orElse(null);
            }
        }
        try {
            return new OrdinalScale(positions, "explicit");
        } catch (IllegalArgumentException e) {
            warn(warnings, row, "ordinal", e.getMessage() + "; inferred instead");
            return OrdinalScales.infer(options).orElse(null);
        }
    }

    private Object literal(Row row, String column, String cell) throws RowSkipped {
        try {
            return PythonLiteral.parse(cell);
        } catch (PythonLiteral.SyntaxError e) {
            throw skip(row, column, "cannot read the value: " + e.getMessage());
        }
    }

    private RowSkipped skip(Row row, String column, String message) {
        return new RowSkipped(new Issue(row.line(), column, message));
    }

    private static void warn(List<Issue> warnings, Row row, String column, String message) {
        warnings.add(new Issue(row.line(), column, message));
    }
}
