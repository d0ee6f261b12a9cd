package org.charter.opinions;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Charter's Jensen–Shannon distance against an independent implementation: the {@code jsd} column of
 * GlobalOpinionBench's gemini.csv (scipy's base-2 distance of the normalised vectors), on every comparable row.
 */
class ThirdPartyJsdTest {

    static double[] numbers(String literal) throws Exception {
        List<?> list = (List<?>) PythonLiteral.parse(literal);
        double[] d = new double[list.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((PythonLiteral.Num) list.get(i)).value();
        }
        return d;
    }

    /** Compares every row whose vectors have equal lengths and whose human shares are not all zero. */
    static int compareJsdColumn(String csv, String humanColumn, String modelColumn, String jsdColumn, LogBase base)
            throws Exception {
        List<CsvRows.Row> rows = CsvRows.read(csv, "gemini");
        Map<String, Integer> col = CsvRows.header(rows.getFirst(), "gemini");
        int compared = 0;
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            double[] human = numbers(row.cell(col.get(humanColumn)));
            double[] model = numbers(row.cell(col.get(modelColumn)));
            String jsd = row.cell(col.get(jsdColumn));
            double humanSum = 0;
            for (double h : human) {
                humanSum += h;
            }
            if (human.length != model.length || humanSum == 0) {
                continue; // not comparable (the third party truncated vectors or left jsd blank)
            }
            assertEquals(Double.parseDouble(jsd), JensenShannon.distance(model, human, base), 1e-12,
                    "line " + row.line());
            compared++;
        }
        return compared;
    }

    @Test
    void equalsTheJsdColumnOfGeminiCsvOnEveryComparableRow() throws Exception {
        int compared = compareJsdColumn(SurveyCsvReaderTest.resource("gemini-jsd.csv"), "selections", "llm_distribution",
                "jsd", LogBase.TWO);
        // 117 rows: 13 have vectors of different lengths, 2 have all-zero human shares (and a blank jsd)
        assertEquals(102, compared, "comparable rows");
    }
}
