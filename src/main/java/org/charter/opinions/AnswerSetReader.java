package org.charter.opinions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.charter.opinions.CsvRows.Row;
import org.charter.problem.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a model answer set for one survey dataset, in either format:
 * <ul>
 *   <li>JSON lines: {@code {"qid": 12, "distribution": [0.1, 0.9]}}, or {@code "question": "exact text"} instead
 *       of the qid, or raw samples {@code {"qid": 12, "answer": "Yes"}} (one line per sampled answer; counted into a
 *       distribution; the answer is an option's text or its letter A, B, …);</li>
 *   <li>CSV with a header naming {@code qid} or {@code question}, and {@code distribution} (a list such as
 *       {@code [0.1, 0.9]}; {@code llm_distribution} is accepted as in GlobalOpinionBench files) or {@code answer}.</li>
 * </ul>
 * An optional {@code country} field marks rows written for one country (a model asked about that country); choose
 * them with {@code onlyCountry}. Distributions that do not sum to 1 are normalized with a warning. A wrong length, an
 * unknown question, a negative value, a duplicate question or an unknown answer is an error naming the line; with
 * {@code lenient} such lines are left out and listed as warnings instead.
 */
public final class AnswerSetReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Sums further than this from 1 are reported when normalized; closer ones are rounding. */
    private static final double SUM_TOLERANCE = 1e-6;

    /** How to read: which country's rows to keep (null: rows without a country, or all when none has one). */
    public record Options(String onlyCountry, boolean lenient) {
        public static Options defaults() {
            return new Options(null, false);
        }
    }

    private record Entry(int line, Integer qid, String question, double[] distribution, String answer, String country) {
    }

    private final SurveyDataset dataset;
    private final String file;
    private final Options options;
    private final List<Issue> warnings = new ArrayList<>();

    private AnswerSetReader(SurveyDataset dataset, String file, Options options) {
        this.dataset = dataset;
        this.file = file;
        this.options = options;
    }

    public static AnswerSet read(Path path, AnswerFormat format, SurveyDataset dataset, String name, Options options) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw Problem.invalid(path.toString(), "the file is not UTF-8 text");
        } catch (IOException e) {
            throw Problem.invalid(path.toString(), "cannot read the file: " + e.getMessage());
        }
        return read(text, format, dataset, path.getFileName().toString(), name, options);
    }

    /** Reads answer-set text; {@code file} names the input in errors. */
    public static AnswerSet read(String text, AnswerFormat format, SurveyDataset dataset, String file, String name,
                                 Options options) {
        AnswerSetReader reader = new AnswerSetReader(dataset, file, options);
        List<Entry> entries = format == AnswerFormat.CSV ? reader.csvEntries(text) : reader.jsonEntries(text);
        return reader.build(name, entries);
    }

    // --- JSON lines ---------------------------------------------------------------------------------------------

    private List<Entry> jsonEntries(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].strip();
            if (raw.isEmpty()) {
                continue;
            }
            int line = i + 1;
            try {
                entries.add(jsonEntry(line, raw));
            } catch (LineError e) {
                fail(e);
            }
        }
        return entries;
    }

    private Entry jsonEntry(int line, String raw) throws LineError {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new LineError(line, null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new LineError(line, null, "expected a JSON object such as {\"qid\": 0, \"distribution\": [0.4, 0.6]}");
        }
        Integer qid = null;
        JsonNode q = node.get("qid");
        if (q != null && !q.isNull()) {
            if (q.isIntegralNumber() && q.canConvertToInt()) {
                qid = q.intValue();
            } else if (q.isTextual() && q.asText().strip().matches("\\d{1,9}")) {
                qid = Integer.parseInt(q.asText().strip());
            } else {
                throw new LineError(line, "qid", "qid must be a whole number, not " + q);
            }
        }
        String question = textField(node, "question", line);
        double[] distribution = null;
        JsonNode d = node.get("distribution");
        if (d != null && !d.isNull()) {
            if (!d.isArray()) {
                throw new LineError(line, "distribution", "expected a list of numbers");
            }
            distribution = new double[d.size()];
            for (int k = 0; k < d.size(); k++) {
                if (!d.get(k).isNumber()) {
                    throw new LineError(line, "distribution", "value " + (k + 1) + " is not a number: " + d.get(k));
                }
                distribution[k] = d.get(k).doubleValue();
            }
        }
        JsonNode a = node.get("answer");
        String answer = null;
        if (a != null && !a.isNull()) {
            if (!a.isValueNode()) {
                throw new LineError(line, "answer", "expected an option text or letter");
            }
            answer = a.asText();
        }
        return new Entry(line, qid, question, distribution, answer, textField(node, "country", line));
    }

    private static String textField(JsonNode node, String field, int line) throws LineError {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new LineError(line, field, field + " must be text");
        }
        return v.asText();
    }

    // --- CSV ----------------------------------------------------------------------------------------------------

    private List<Entry> csvEntries(String text) {
        List<Row> rows = CsvRows.read(text, file);
        if (rows.isEmpty()) {
            throw Problem.invalid(file, "the file is empty; expected a header with qid (or question) and distribution (or answer)");
        }
        Map<String, Integer> columns = CsvRows.header(rows.getFirst(), file);
        Integer qidCol = columns.get("qid");
        Integer questionCol = columns.get("question");
        Integer distCol = columns.containsKey("distribution") ? columns.get("distribution") : columns.get("llm_distribution");
        Integer answerCol = columns.get("answer");
        Integer countryCol = columns.get("country");
        String where = file + ":line " + rows.getFirst().line();
        if (qidCol == null && questionCol == null) {
            throw Problem.invalid(where, "missing column 'qid' or 'question'");
        }
        if (distCol == null && answerCol == null) {
            throw Problem.invalid(where, "missing column 'distribution' (or 'llm_distribution') or 'answer'");
        }
        List<Entry> entries = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            try {
                entries.add(csvEntry(row, qidCol, questionCol, distCol, answerCol, countryCol));
            } catch (LineError e) {
                fail(e);
            }
        }
        return entries;
    }

    private Entry csvEntry(Row row, Integer qidCol, Integer questionCol, Integer distCol, Integer answerCol,
                           Integer countryCol) throws LineError {
        int line = row.line();
        Integer qid = null;
        String qidText = blankToNull(row.cell(qidCol));
        if (qidText != null) {
            if (!qidText.strip().matches("\\d{1,9}")) {
                throw new LineError(line, "qid", "qid must be a whole number, not '" + qidText + "'");
            }
            qid = Integer.parseInt(qidText.strip());
        }
        double[] distribution = null;
        String distText = blankToNull(row.cell(distCol));
        if (distText != null) {
            Object parsed;
            try {
                parsed = PythonLiteral.parse(distText);
            } catch (PythonLiteral.SyntaxError e) {
                throw new LineError(line, "distribution", "cannot read the list: " + e.getMessage());
            }
            if (!(parsed instanceof List<?> list)) {
                throw new LineError(line, "distribution", "expected a list of numbers such as [0.4, 0.6]");
            }
            distribution = new double[list.size()];
            for (int k = 0; k < list.size(); k++) {
                if (!(list.get(k) instanceof PythonLiteral.Num n)) {
                    throw new LineError(line, "distribution", "value " + (k + 1) + " is not a number");
                }
                distribution[k] = n.value();
            }
        }
        return new Entry(line, qid, blankToNull(row.cell(questionCol)), distribution,
                blankToNull(row.cell(answerCol)), blankToNull(row.cell(countryCol)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // --- common -------------------------------------------------------------------------------------------------

    private static final class LineError extends Exception {
        final int line;
        final String column;

        LineError(int line, String column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private void fail(LineError e) {
        Issue issue = new Issue(e.line, e.column, e.getMessage());
        if (!options.lenient()) {
            throw Problem.invalid(issue.where(file), e.getMessage());
        }
        warnings.add(new Issue(e.line, e.column, e.getMessage() + "; line left out"));
    }

    private AnswerSet build(String name, List<Entry> entries) {
        boolean anyCountry = entries.stream().anyMatch(e -> e.country() != null);
        if (options.onlyCountry() != null && !anyCountry) {
            throw Problem.invalid(file, "no line names a country, so there is nothing to select for "
                    + options.onlyCountry());
        }
        Map<Integer, double[]> distributions = new LinkedHashMap<>();
        Map<Integer, Integer> firstLine = new HashMap<>();
        Map<Integer, double[]> counts = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (options.onlyCountry() != null && !options.onlyCountry().equals(e.country())) {
                continue;
            }
            try {
                SurveyQuestion q = question(e);
                int n = q.options().size();
                if (e.distribution() != null && e.answer() != null) {
                    throw new LineError(e.line(), null, "give either a distribution or an answer, not both");
                }
                if (e.distribution() == null && e.answer() == null) {
                    throw new LineError(e.line(), null, "no distribution and no answer");
                }
                Integer earlier = firstLine.get(q.qid());
                boolean isSample = e.answer() != null;
                if (earlier != null && (!isSample || !counts.containsKey(q.qid()))) {
                    throw new LineError(e.line(), null, "question " + q.qid() + " was already answered on line " + earlier
                            + (anyCountry && options.onlyCountry() == null
                            ? " (the file has answers for several countries: choose one country)" : ""));
                }
                if (isSample) {
                    double[] c = counts.computeIfAbsent(q.qid(), k -> new double[n]);
                    c[optionIndex(e, q)]++;
                } else {
                    distributions.put(q.qid(), checkedDistribution(e, q));
                }
                firstLine.putIfAbsent(q.qid(), e.line());
            } catch (LineError ex) {
                fail(ex);
            }
        }
        counts.forEach((qid, c) -> distributions.put(qid, normalizedCounts(c)));
        if (distributions.isEmpty()) {
            throw Problem.invalid(file, options.onlyCountry() != null
                    ? "no answers for " + options.onlyCountry() : "the file has no answers");
        }
        return new AnswerSet(name, distributions, warnings);
    }

    private SurveyQuestion question(Entry e) throws LineError {
        if (e.qid() != null) {
            SurveyQuestion q = dataset.question(e.qid()).orElseThrow(() -> new LineError(e.line(), "qid",
                    "unknown question " + e.qid() + (e.qid() < dataset.rows()
                            ? " (its row was skipped when the dataset was read)"
                            : " (the dataset has qids 0 to " + (dataset.rows() - 1) + ")")));
            if (e.question() != null && !e.question().equals(q.text())) {
                throw new LineError(e.line(), "question", "the text does not match question " + e.qid()
                        + " (\"" + abbreviate(q.text()) + "\")");
            }
            return q;
        }
        if (e.question() == null) {
            throw new LineError(e.line(), null, "name the question with qid or question");
        }
        List<SurveyQuestion> matches = dataset.questionsWithText(e.question());
        if (matches.isEmpty()) {
            throw new LineError(e.line(), "question", "unknown question \"" + abbreviate(e.question()) + "\"");
        }
        if (matches.size() > 1) {
            throw new LineError(e.line(), "question", "the text matches questions "
                    + matches.stream().map(m -> String.valueOf(m.qid())).toList() + "; use qid");
        }
        return matches.getFirst();
    }

    private double[] checkedDistribution(Entry e, SurveyQuestion q) throws LineError {
        double[] d = e.distribution();
        if (d.length != q.options().size()) {
            throw new LineError(e.line(), "distribution", "has " + d.length + " values but question " + q.qid()
                    + " has " + q.options().size() + " options");
        }
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new LineError(e.line(), "distribution", "value " + (i + 1) + " is not a finite number");
            }
            if (d[i] < 0) {
                throw new LineError(e.line(), "distribution", "value " + (i + 1) + " is negative (" + d[i] + ")");
            }
            sum += d[i];
        }
        if (!(sum > 0)) {
            throw new LineError(e.line(), "distribution", "all values are 0");
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            warnings.add(new Issue(e.line(), "distribution", "sums to " + sum + "; normalized to 1"));
        }
        double[] normalized = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            normalized[i] = d[i] / sum;
        }
        return normalized;
    }

    private static double[] normalizedCounts(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] d = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            d[i] = counts[i] / total;
        }
        return d;
    }

    /** An answer is an option's text (case and surrounding spaces ignored), an equal number, or a letter A, B, …. */
    static int optionIndex(String answer, List<String> options) {
        String a = answer.strip();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).strip().equalsIgnoreCase(a)) {
                return i;
            }
        }
        Double number = parseNumber(a);
        if (number != null) {
            for (int i = 0; i < options.size(); i++) {
                if (number.equals(parseNumber(options.get(i).strip()))) {
                    return i;
                }
            }
        }
        String letter = a.replaceAll("^\\((.)\\)$", "$1").toUpperCase(Locale.ROOT);
        if (letter.length() == 1 && letter.charAt(0) >= 'A' && letter.charAt(0) < 'A' + options.size()) {
            return letter.charAt(0) - 'A';
        }
        return -1;
    }

    private static int optionIndex(Entry e, SurveyQuestion q) throws LineError {
        int i = optionIndex(e.answer(), q.options());
        if (i < 0) {
            throw new LineError(e.line(), "answer", "\"" + abbreviate(e.answer()) + "\" is not one of the options of question "
                    + q.qid() + ": " + q.options());
        }
        return i;
    }

    private static Double parseNumber(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
