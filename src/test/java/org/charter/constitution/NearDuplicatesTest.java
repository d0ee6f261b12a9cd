package org.charter.constitution;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.charter.polis.PolisComment;
import org.charter.polis.PolisExportReader;
import org.charter.polis.PolisModeration;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Near-duplicate merging on real statement pairs of the Polis open data (labelled in duplicate-pairs.csv). */
class NearDuplicatesTest {

    static final List<String> CONVERSATIONS = List.of("15-per-hour-seattle", "brexit-consensus",
            "london.youth.policing", "scoop-hivemind.biodiversity", "scoop-hivemind.ubi");

    static Path resource(String name) {
        try {
            return Path.of(NearDuplicatesTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Comment id → text of the statements moderators did not reject. */
    static Map<Long, String> statements(String conversation) {
        Map<Long, String> texts = new HashMap<>();
        for (PolisComment c : PolisExportReader.readComments(resource("polis/" + conversation).resolve("comments.csv"),
                new ArrayList<>())) {
            if (c.moderation() != PolisModeration.REJECTED) {
                texts.put(c.commentId(), c.body());
            }
        }
        return texts;
    }

    @Test
    void mergesTheRealDuplicatesAndKeepsTheLookAlikesApart() throws Exception {
        int duplicates = 0;
        int distinct = 0;
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(resource("constitution/duplicate-pairs.csv").toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                Map<Long, String> texts = statements(row.get("conversation"));
                String a = texts.get(Long.parseLong(row.get("a")));
                String b = texts.get(Long.parseLong(row.get("b")));
                assertEquals(row.get("text_a"), a);
                assertEquals(row.get("text_b"), b);
                TextVectors vectors = TextVectors.fit(new ArrayList<>(texts.values()));
                List<List<Integer>> groups = NearDuplicates.groups(List.of(a, b), vectors,
                        SelectionParameters.DEFAULT_MERGE_THRESHOLD);
                double similarity = vectors.vector(a).cosine(vectors.vector(b));
                boolean duplicate = Boolean.parseBoolean(row.get("duplicate"));
                assertEquals(duplicate ? 1 : 2, groups.size(), () -> String.format("%.3f %s | %s", similarity, a, b));
                if (duplicate) {
                    duplicates++;
                } else {
                    distinct++;
                }
            }
        }
        assertEquals(4, duplicates);
        assertTrue(distinct >= 8);
    }

    @Test
    void everyGroupOfEveryConversationIsSimilarThroughoutAndOfOneNegationParity() {
        int merged = 0;
        for (String conversation : CONVERSATIONS) {
            List<String> texts = new ArrayList<>(statements(conversation).values());
            TextVectors vectors = TextVectors.fit(texts);
            double threshold = 0.6; // lower than the default, so that groups form and the property is tested
            for (List<Integer> group : NearDuplicates.groups(texts, vectors, threshold)) {
                for (int i : group) {
                    for (int j : group) {
                        if (i < j) {
                            merged++;
                            double s = vectors.vector(texts.get(i)).cosine(vectors.vector(texts.get(j)));
                            assertTrue(s >= threshold - 1e-6, conversation + ": " + s + " " + texts.get(i) + " | " + texts.get(j));
                            assertEquals(NearDuplicates.negationParity(texts.get(i)),
                                    NearDuplicates.negationParity(texts.get(j)));
                        }
                    }
                }
            }
        }
        assertTrue(merged >= 5, "pairs inside groups: " + merged);
    }

    @Test
    void prefixFilteringMissesNoSimilarPair() {
        int similar = 0;
        for (String conversation : CONVERSATIONS) {
            List<String> texts = new ArrayList<>(statements(conversation).values());
            TextVectors vectors = TextVectors.fit(texts);
            TextVectors.Vector[] v = texts.stream().map(vectors::vector).toArray(TextVectors.Vector[]::new);
            for (double t : new double[]{0.2, 0.3, 0.6, 0.8}) {
                java.util.Set<Long> candidates = new java.util.HashSet<>(NearDuplicates.similarPairs(v, t));
                for (int i = 0; i < v.length; i++) {
                    for (int j = 0; j < i; j++) {
                        if (v[i].cosine(v[j]) >= t) {
                            similar++;
                            assertTrue(candidates.contains(((long) i << 32) | j), conversation + " " + t + ": "
                                    + texts.get(i) + " | " + texts.get(j));
                        }
                    }
                }
            }
        }
        assertTrue(similar > 100, "similar pairs checked: " + similar);
    }

    @Test
    void negationsKeepOppositesApart() {
        TextVectors v = TextVectors.fit(List.of("The AI should have emotions", "The AI should not have emotions",
                "The AI should be kind", "We should go ahead with it", "We should not not go ahead with it"));
        assertEquals(2, NearDuplicates.groups(List.of("The AI should have emotions", "The AI should not have emotions"),
                v, 0.1).size());
        assertEquals(2, NearDuplicates.groups(List.of("The AI should have emotions", "The AI shouldn't have emotions"),
                v, 0.1).size());
        assertEquals(1, NearDuplicates.groups(List.of("We should go ahead with it", "We should not not go ahead with it"),
                v, 0.5).size(), "two negations cancel");
        assertTrue(NearDuplicates.negationParity("AI shouldnt lie"));
        assertFalse(NearDuplicates.negationParity("Nothing is certain"));
    }

    @Test
    void functionWordsDoNotCountAndTheThresholdIsInclusive() {
        TextVectors v = TextVectors.fit(List.of("The AI should always be honest", "AI should be honest", "Be kind"));
        assertEquals(1.0, v.vector("The AI should always be honest").cosine(v.vector("AI should be honest")), 1e-12);
        assertEquals(1, NearDuplicates.groups(List.of("The AI should always be honest", "AI should be honest"), v, 1.0).size());
        assertEquals(0, v.vector("!!!").index().length);
        assertEquals(List.of(List.of(0)), NearDuplicates.groups(List.of("alone"), v, 0.75));
        assertEquals(List.of(), NearDuplicates.groups(List.of(), v, 0.75));
    }

    @Test
    void completeLinkageDoesNotChain() {
        // a ~ b and b ~ c, but a and c share little: complete linkage keeps a and c apart
        String a = "Public transport should be free for students";
        String b = "Public transport should be free for students and pensioners";
        String c = "Transport should be free for pensioners and veterans";
        TextVectors v = TextVectors.fit(List.of(a, b, c, "Parks need more trees", "Schools need more teachers"));
        double ab = v.vector(a).cosine(v.vector(b));
        double bc = v.vector(b).cosine(v.vector(c));
        double ac = v.vector(a).cosine(v.vector(c));
        double threshold = Math.min(ab, bc) - 1e-3;
        assertTrue(ac < threshold, ab + " " + bc + " " + ac);
        List<List<Integer>> groups = NearDuplicates.groups(List.of(a, b, c), v, threshold);
        assertEquals(2, groups.size(), groups.toString());
    }
}
