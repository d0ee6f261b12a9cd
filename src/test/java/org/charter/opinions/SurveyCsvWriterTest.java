package org.charter.opinions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SurveyCsvWriterTest {

    @Test
    void numbersAsPythonReprWritesThem() {
        assertEquals("0.052000000000000005", SurveyCsvWriter.number(0.052000000000000005));
        assertEquals("0.1", SurveyCsvWriter.number(0.1));
        assertEquals("1.0", SurveyCsvWriter.number(1));
        assertEquals("0.0005", SurveyCsvWriter.number(0.0005));
        assertEquals("1e-05", SurveyCsvWriter.number(0.00001));
        assertEquals("1.5e-07", SurveyCsvWriter.number(1.5e-7));
        assertEquals("1e+16", SurveyCsvWriter.number(1e16));
        assertEquals("12345678.0", SurveyCsvWriter.number(12345678));
        assertEquals("nan", SurveyCsvWriter.number(Double.NaN));
        assertEquals("0.0", SurveyCsvWriter.number(0));
    }

    @Test
    void stringsAsPythonReprWritesThem() {
        assertEquals("'Yes'", SurveyCsvWriter.string("Yes"));
        assertEquals("\"Don't know\"", SurveyCsvWriter.string("Don't know"));
        assertEquals("'It\\'s \"ok\"'", SurveyCsvWriter.string("It's \"ok\""));
        assertEquals("'a\\nb\\\\'", SurveyCsvWriter.string("a\nb\\"));
    }

    @Test
    void theRealSampleSurvivesARoundTrip() throws Exception {
        SurveyDataset original = SurveyCsvReaderTest.sample();
        SurveyDataset again = SurveyCsvReader.read(SurveyCsvWriter.write(original), "again.csv");
        assertEquals(original.questions().size(), again.questions().size());
        for (int i = 0; i < original.questions().size(); i++) {
            SurveyQuestion a = original.questions().get(i);
            SurveyQuestion b = again.questions().get(i);
            assertEquals(a.text(), b.text());
            assertEquals(a.options(), b.options());
            assertEquals(a.source(), b.source());
            assertEquals(List.copyOf(a.countries().keySet()), List.copyOf(b.countries().keySet()));
            for (String c : a.countries().keySet()) {
                assertArrayEquals(a.shares(c), b.shares(c), "question " + i + " " + c);
            }
            assertEquals(a.ordinal(), b.ordinal());
        }
    }

    @Test
    void explicitScalesAndMissingSharesSurvive() {
        SurveyDataset d = SurveyCsvReader.read("question,selections,options,source,ordinal\n"
                + "Q,\"{'A': [0.5, nan, 0.2]}\",\"['Better', 'Worse', 'DK']\",GAS,\"[1.0, 2.0]\"\n", "s.csv");
        SurveyDataset again = SurveyCsvReader.read(SurveyCsvWriter.write(d), "again.csv");
        assertEquals(d.question(0).orElseThrow().ordinal(), again.question(0).orElseThrow().ordinal());
        assertArrayEquals(d.question(0).orElseThrow().shares("A"), again.question(0).orElseThrow().shares("A"));
    }
}
