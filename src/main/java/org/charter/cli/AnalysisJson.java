package org.charter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.charter.analysis.AnalysisResult;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AnalysisResult} as JSON with Jackson's streaming generator: the same text {@link Output#JSON}
 * produces (records as objects in component order, nulls kept, indented), checked by a test, without loading
 * Jackson's object mapper, which takes a good part of a second in a fresh JVM and would dominate {@code analyze}'s
 * start-up.
 */
final class AnalysisJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AnalysisJson() {
    }

    static void write(AnalysisResult r, Writer writer) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(writer)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("participants", r.participants());
            g.writeNumberField("statements", r.statements());
            g.writeNumberField("votes", r.votes());
            g.writeNumberField("inConversation", r.inConversation());
            g.writeStringField("note", r.note());
            g.writeArrayFieldStart("groups");
            for (AnalysisResult.Group group : r.groups()) {
                g.writeStartObject();
                g.writeNumberField("id", group.id());
                g.writeArrayFieldStart("members");
                for (long m : group.members()) {
                    g.writeNumber(m);
                }
                g.writeEndArray();
                g.writeFieldName("center");
                doubles(g, group.center());
                g.writeArrayFieldStart("representative");
                for (AnalysisResult.Representative s : group.representative()) {
                    g.writeStartObject();
                    g.writeNumberField("statementId", s.statementId());
                    g.writeStringField("direction", s.direction());
                    g.writeNumberField("probability", s.probability());
                    g.writeNumberField("representativeness", s.representativeness());
                    g.writeNumberField("zScore", s.zScore());
                    g.writeNumberField("pTest", s.pTest());
                    g.writeNumberField("nSuccess", s.nSuccess());
                    g.writeNumberField("nTrials", s.nTrials());
                    g.writeBooleanField("bestAgree", s.bestAgree());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("participantGroups");
            for (Map.Entry<Long, Integer> e : r.participantGroups().entrySet()) {
                g.writeNumberField(String.valueOf(e.getKey()), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("projection");
            for (Map.Entry<Long, double[]> e : r.projection().entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                doubles(g, e.getValue());
            }
            g.writeEndObject();
            scored(g, "consensus", r.consensus());
            scored(g, "bridging", r.bridging());
            scored(g, "divisive", r.divisive());
            g.writeObjectFieldStart("majority");
            majority(g, "agree", r.majority().agree());
            majority(g, "disagree", r.majority().disagree());
            g.writeEndObject();
            g.writeArrayFieldStart("statementStats");
            for (AnalysisResult.StatementStats s : r.statementStats()) {
                g.writeStartObject();
                g.writeNumberField("statementId", s.statementId());
                g.writeBooleanField("moderatedOut", s.moderatedOut());
                g.writeBooleanField("meta", s.meta());
                g.writeFieldName("votes");
                tally(g, s.votes());
                g.writeObjectFieldStart("groupVotes");
                for (Map.Entry<Integer, AnalysisResult.Tally> e : s.groupVotes().entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    tally(g, e.getValue());
                }
                g.writeEndObject();
                nullableNumber(g, "groupInformedConsensus", s.groupInformedConsensus());
                nullableNumber(g, "divisiveness", s.divisiveness());
                nullableNumber(g, "bridging", s.bridging());
                g.writeNumberField("extremity", s.extremity());
                g.writeFieldName("projection");
                doubles(g, s.projection());
                g.writeNumberField("priority", s.priority());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("tick", r.tick());
            g.writeEndObject();
        }
        writer.write('\n');
    }

    private static void doubles(JsonGenerator g, double[] values) throws IOException {
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeArray(values, 0, values.length);
    }

    private static void nullableNumber(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void tally(JsonGenerator g, AnalysisResult.Tally t) throws IOException {
        g.writeStartObject();
        g.writeNumberField("agree", t.agree());
        g.writeNumberField("disagree", t.disagree());
        g.writeNumberField("pass", t.pass());
        g.writeEndObject();
    }

    private static void scored(JsonGenerator g, String name, List<AnalysisResult.Scored> list) throws IOException {
        g.writeArrayFieldStart(name);
        for (AnalysisResult.Scored s : list) {
            g.writeStartObject();
            g.writeNumberField("statementId", s.statementId());
            g.writeNumberField("score", s.score());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void majority(JsonGenerator g, String name, List<AnalysisResult.MajorityStatement> list)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (AnalysisResult.MajorityStatement s : list) {
            g.writeStartObject();
            g.writeNumberField("statementId", s.statementId());
            g.writeNumberField("probability", s.probability());
            g.writeNumberField("zScore", s.zScore());
            g.writeNumberField("nSuccess", s.nSuccess());
            g.writeNumberField("nTrials", s.nTrials());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
