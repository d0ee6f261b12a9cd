package org.charter.constitution;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every export parses back (JSON, CSV, CAI list) or renders (Markdown) with the same principles. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsTest {

    private Constitution real;
    private Constitution hostile;

    @BeforeAll
    void build() {
        real = OpenDataConstitutionTest.build("brexit-consensus", SelectionParameters.DEFAULTS).constitution();
        assertTrue(real.principles().size() >= 5);
        // texts written by the public: formulas, Markdown and HTML must come back as written
        List<String> texts = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1 for free trains",
                "-2 is not a score", "@everyone should vote", "'quoted' opinions matter", "1. Not a list item",
                "# Not a heading", "Use *stars*, _underscores_, `code` and [links](http://x.example) <b>freely</b> & more",
                "Multi\nline\ttext");
        List<Constitution.Principle> principles = new ArrayList<>();
        long id = 100;
        for (String t : texts) {
            principles.add(new Constitution.Principle(t, CaiRewrite.rewrite(t), List.of(id, id + 1), 0.5, id % 2 == 0 ? -0.25 : null,
                    Map.of(0, 0.8, 1, 0.75), 40, Map.of(0, new Constitution.Tally(16, 2, 2), 1, new Constitution.Tally(15, 3, 2)),
                    List.of(new Constitution.Evidence(id, t, 0.5, null, Map.of(0, 0.8, 1, 0.75), 20, 1),
                            new Constitution.Evidence(id + 1, "=cmd|' /C calc'!A0", 0.5, null, Map.of(0, 0.8, 1, 0.75), 20, 0.9)),
                    id % 3 == 0 ? "=note" : null));
            id += 2;
        }
        hostile = new Constitution("Hostile *title*", principles, List.of(new Constitution.Excluded(List.of(7L), "dropped <i>x</i>",
                "dropped", "=reason", Map.of(), 3)), List.of(), List.of(), SelectionParameters.DEFAULTS,
                new Constitution.Source("c", "Topic", Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2024-02-01T00:00:00Z"), 10, 20, 300, Map.of(0, 5, 1, 5), "given"),
                new Constitution.VersionInfo(2, Instant.parse("2024-03-01T10:00:00Z"), "Org", true,
                        Instant.parse("2024-03-02T10:00:00Z"), "second draft"));
    }

    @Test
    void jsonReadsBackIntoTheSameConstitution() {
        for (Constitution c : List.of(real, hostile)) {
            assertEquals(c, ConstitutionJson.read(ConstitutionJson.write(c), "test.json"));
        }
    }

    @Test
    void jsonHasTheContractFields() throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ConstitutionJson.write(real));
        for (String key : List.of("principles", "excluded", "parameters", "source")) {
            assertTrue(tree.has(key), key);
        }
        var p = tree.get("principles").get(0);
        for (String key : List.of("text", "statementIds", "consensus", "bridging", "groupAgreement", "votes")) {
            assertTrue(p.has(key), key);
        }
        assertTrue(p.get("groupAgreement").fieldNames().next().matches("\\d+"));
        assertTrue(p.get("votes").isNumber());
    }

    @Test
    void csvReadsBackWithTheSamePrinciplesAndDefusesFormulas() {
        for (Constitution c : List.of(real, hostile)) {
            String csv = ConstitutionCsv.write(c);
            List<ConstitutionCsv.Row> rows = ConstitutionCsv.read(csv, "test.csv");
            assertEquals(c.principles().size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Constitution.Principle p = c.principles().get(i);
                ConstitutionCsv.Row r = rows.get(i);
                assertEquals(i + 1, r.rank());
                assertEquals(p.text(), r.text());
                assertEquals(p.cai(), r.cai());
                assertEquals(p.statementIds(), r.statementIds());
                assertEquals(p.consensus(), r.consensus(), 1e-15);
                assertEquals(p.bridging(), r.bridging());
                assertEquals(p.groupAgreement(), r.groupAgreement());
                assertEquals(p.votes(), r.votes());
                assertEquals(p.note(), r.note());
            }
            // no cell a spreadsheet would run: every field starting with = + - @ is quoted with an apostrophe
            for (String line : csv.split("\n")) {
                for (String cell : line.split(",")) {
                    String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
                    if (!unquoted.isEmpty() && "=+@".indexOf(unquoted.charAt(0)) >= 0) {
                        throw new AssertionError("formula cell: " + cell + " in " + line);
                    }
                }
            }
        }
        String csv = ConstitutionCsv.write(hostile);
        assertTrue(csv.contains("'=HYPERLINK"), csv);
        assertTrue(csv.contains(",-0.25,"), "numbers stay numbers");
    }

    @Test
    void caiListHasOneLinePerPrinciple() {
        for (Constitution c : List.of(real, hostile)) {
            List<String> lines = CaiList.read(CaiList.write(c));
            assertEquals(c.principles().size(), lines.size());
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(c.principles().get(i).cai().replaceAll("\\s+", " ").strip(), lines.get(i));
                assertTrue(lines.get(i).startsWith("Choose the response that "));
            }
        }
    }

    @Test
    void markdownRendersThePrinciplesAsWrittenAndNoMarkupFromParticipants() {
        for (Constitution c : List.of(real, hostile)) {
            Node doc = Parser.builder().build().parse(ConstitutionMarkdown.write(c));
            List<String> sections = new ArrayList<>();
            List<String> principles = new ArrayList<>();
            List<String> cai = new ArrayList<>();
            int[] unsafe = {0};
            doc.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    sections.add(text(heading));
                }

                @Override
                public void visit(OrderedList list) {
                    String section = sections.getLast();
                    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                        Node first = item.getFirstChild();
                        String t = first instanceof Paragraph ? text(first) : "";
                        if (section.equals("Principles")) {
                            principles.add(t);
                        } else if (section.equals("Constitutional AI principles")) {
                            cai.add(t);
                        }
                    }
                    visitChildren(list);
                }

                @Override
                public void visit(HtmlInline html) {
                    unsafe[0]++;
                }

                @Override
                public void visit(HtmlBlock html) {
                    unsafe[0]++;
                }

                @Override
                public void visit(Link link) {
                    unsafe[0]++;
                }
            });
            assertTrue(sections.containsAll(List.of("Principles", "Constitutional AI principles", "Methods")), sections.toString());
            assertEquals(c.principles().stream().map(p -> p.text().replaceAll("\\s+", " ").strip()).toList(), principles);
            assertEquals(c.principles().stream().map(Constitution.Principle::cai).toList(), cai);
            assertEquals(0, unsafe[0], "no HTML or links from participants' texts");
        }
        String md = ConstitutionMarkdown.write(real);
        assertTrue(md.contains("- Participants: 204 who voted; statements: 50; votes: 5303"), md);
        assertTrue(md.contains("more than 60% of the group's votes on it are “agree”"), md);
    }

    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(ListItem item) {
                // nested lists (evidence) are not part of the item's own text
            }
        });
        return out.toString();
    }
}
