package org.charter.opinions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.charter.opinions.CsvRows.Row;
import org.charter.problem.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one wave of OpinionQA's human opinion distributions (Santurkar et al. 2023; the
 * {@code data/human_resp/American_Trends_Panel_W<n>/} folders of tatsu-lab/opinions_qa) as a survey dataset whose
 * "countries" are the groups of one demographic attribute (e.g. POLPARTY: Democrat, Republican, …).
 * <p>
 * Questions come from {@code info.csv} in its row order (qid = 0-based row index), with the option labels of its
 * {@code references} column and the explicit scale of its {@code option_ordinal} column (positions for the first
 * options; the rest, "Refused", are off the scale). Group distributions come from {@code <ATTRIBUTE>_data.json}:
 * survey-weighted counts per option label, kept as shares after the metric normalizes them. Questions of info.csv
 * that the JSON file does not contain are left out (listed as skipped).
 */
public final class OpinionQaWave {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpinionQaWave() {
    }

    public static SurveyDataset read(Path waveDir, String attribute) {
        Path info = waveDir.resolve("info.csv");
        Path data = waveDir.resolve(attribute + "_data.json");
        if (!Files.isRegularFile(info)) {
            throw Problem.invalid(waveDir.toString(), "not an OpinionQA wave folder: info.csv is missing");
        }
        if (!Files.isRegularFile(data)) {
            throw Problem.invalid(waveDir.toString(), "no " + attribute + "_data.json here; attributes: " + attributes(waveDir));
        }
        String infoName = waveDir.getFileName() + "/info.csv";
        JsonNode groups;
        String infoText;
        try {
            infoText = Files.readString(info, StandardCharsets.UTF_8);
            groups = JSON.readTree(data.toFile());
        } catch (IOException e) {
            throw Problem.invalid(data.toString(), "cannot read: " + e.getMessage());
        }
        List<Row> rows = CsvRows.read(infoText, infoName);
        Map<String, Integer> col = CsvRows.header(rows.getFirst(), infoName);
        for (String required : List.of("key", "question", "references", "option_ordinal")) {
            if (!col.containsKey(required)) {
                throw Problem.invalid(infoName + ":line 1", "missing column '" + required + "'");
            }
        }
        List<SurveyQuestion> questions = new ArrayList<>();
        List<Issue> skipped = new ArrayList<>();
        List<Issue> warnings = new ArrayList<>();
        String source = "OpinionQA " + waveDir.getFileName().toString().replace("American_Trends_Panel_", "");
        int qid = 0;
        for (Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            String key = row.cell(col.get("key"));
            JsonNode question = groups.get(key);
            if (question == null) {
                skipped.add(new Issue(row.line(), "key", key + " has no " + attribute + " distributions"));
                qid++;
                continue;
            }
            try {
                List<String> options = strings(PythonLiteral.parse(row.cell(col.get("references"))));
                OrdinalScale scale = scale(PythonLiteral.parse(row.cell(col.get("option_ordinal"))), options.size());
                Map<String, double[]> shares = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> group : question.properties()) {
                    if (!group.getValue().isObject()) {
                        continue; // MC_options, question_text
                    }
                    double[] v = new double[options.size()];
                    for (Map.Entry<String, JsonNode> count : group.getValue().properties()) {
                        int i = options.indexOf(count.getKey());
                        if (i < 0 || !count.getValue().isNumber() || count.getValue().doubleValue() < 0) {
                            warnings.add(new Issue(row.line(), attribute, key + ": " + group.getKey() + " has a count for '"
                                    + count.getKey() + "' that does not match an option; ignored"));
                            continue;
                        }
                        v[i] = count.getValue().doubleValue();
                    }
                    shares.put(group.getKey(), v);
                }
                questions.add(new SurveyQuestion(qid, row.line(), row.cell(col.get("question")), options, source, shares, scale));
            } catch (PythonLiteral.SyntaxError | IllegalArgumentException | ClassCastException e) {
                skipped.add(new Issue(row.line(), null, key + ": " + e.getMessage()));
            }
            qid++;
        }
        if (questions.isEmpty()) {
            throw Problem.invalid(waveDir.toString(), "no question of info.csv has " + attribute + " distributions");
        }
        return new SurveyDataset(waveDir.getFileName() + " by " + attribute, qid, questions, skipped, warnings);
    }

    private static List<String> strings(Object literal) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) literal) {
            out.add(PythonLiteral.display(o));
        }
        return out;
    }

    private static OrdinalScale scale(Object literal, int optionCount) {
        List<?> list = (List<?>) literal;
        double[] positions = new double[optionCount];
        java.util.Arrays.fill(positions, Double.NaN);
        for (int i = 0; i < list.size() && i < optionCount; i++) {
            positions[i] = ((PythonLiteral.Num) list.get(i)).value();
        }
        return new OrdinalScale(positions, "explicit (OpinionQA option_ordinal)");
    }

    private static List<String> attributes(Path waveDir) {
        try (var files = Files.list(waveDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_data.json"))
                    .map(n -> n.substring(0, n.length() - "_data.json".length())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
