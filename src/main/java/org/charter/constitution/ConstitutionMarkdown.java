package org.charter.constitution;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Markdown export: a readable document — the principles with their evidence, the Constitutional-AI phrasing,
 * minority views, what was left out, and a methods section (conversation, dates, participants, votes, groups,
 * thresholds). Participants' texts are escaped, so a statement can never inject Markdown or HTML into the document.
 */
public final class ConstitutionMarkdown {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ConstitutionMarkdown() {
    }

    public static String write(Constitution c) {
        StringBuilder md = new StringBuilder();
        SelectionParameters p = c.parameters();
        md.append("# ").append(escape(c.title())).append("\n\n");
        String where = c.source().topic() == null ? c.source().conversation() : c.source().topic();
        md.append(c.principles().size()).append(c.principles().size() == 1 ? " principle" : " principles")
                .append(" from the conversation “").append(escape(where)).append("”, each agreed by more than ")
                .append(percent(p.minGroupAgreement())).append(" of every opinion group.");
        if (c.version() != null) {
            md.append(" Version ").append(c.version().number())
                    .append(c.version().published() ? ", published." : ", not published.");
        }
        md.append("\n\n## Principles\n\n");
        int n = 1;
        for (Constitution.Principle pr : c.principles()) {
            String marker = n++ + ". ";
            String indent = " ".repeat(marker.length()); // continuation lines belong to the list item
            md.append(marker).append(escape(pr.text())).append("\n\n");
            md.append(indent).append("Agreed by ").append(percent(pr.minGroupAgreement())).append(" or more of every group (")
                    .append(groupShares(pr.groupAgreement())).append(") · consensus ")
                    .append(ConstitutionCsv.decimal(pr.consensus(), 3));
            if (pr.bridging() != null) {
                md.append(" · bridging ").append(ConstitutionCsv.decimal(pr.bridging(), 3));
            }
            md.append(" · ").append(pr.votes()).append(" votes · statement")
                    .append(pr.statementIds().size() == 1 ? " " : "s ")
                    .append(pr.statementIds().stream().map(id -> "#" + id).collect(Collectors.joining(", ")))
                    .append("\n");
            for (Constitution.Evidence e : pr.statements()) {
                if (!e.text().equals(pr.text()) || pr.statements().size() > 1) {
                    md.append(indent).append("- #").append(e.statementId()).append(": ").append(escape(e.text()))
                            .append(" (").append(groupShares(e.groupAgreement())).append(", ").append(e.votes())
                            .append(" votes").append(e.similarity() < 1
                                    ? ", text similarity " + ConstitutionCsv.decimal(e.similarity(), 2) : "")
                            .append(")\n");
                }
            }
            if (pr.note() != null && !pr.note().isBlank()) {
                md.append(indent).append("- Note: ").append(escape(pr.note())).append("\n");
            }
            md.append("\n");
        }
        md.append("## Constitutional AI principles\n\n");
        md.append("The same principles phrased for a Constitutional AI training pipeline:\n\n");
        n = 1;
        for (Constitution.Principle pr : c.principles()) {
            md.append(n++).append(". ").append(escape(pr.cai())).append("\n");
        }
        md.append("\n");
        if (!c.minorityViews().isEmpty()) {
            md.append("## Minority views\n\n");
            md.append("Statements one group supports (more than ").append(percent(p.minGroupAgreement()))
                    .append(" agree) while every other group disagrees more than it agrees. They are not principles.\n\n");
            for (Constitution.MinorityView m : c.minorityViews()) {
                md.append("- Group ").append(Constitution.groupLabel(m.group())).append(": ").append(escape(m.text()))
                        .append(" (#").append(m.statementId()).append("; agree ")
                        .append(groupShares(m.groupAgreement())).append("; disagree ")
                        .append(groupShares(m.groupDisagreement())).append(")\n");
            }
            md.append("\n");
        }
        leftOut(md, c.excluded());
        methods(md, c);
        return md.toString();
    }

    private static void leftOut(StringBuilder md, List<Constitution.Excluded> excluded) {
        md.append("## Left out\n\n");
        if (excluded.isEmpty()) {
            md.append("Nothing.\n\n");
            return;
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Constitution.Excluded e : excluded) {
            counts.merge(e.reason(), e.statementIds().size(), Integer::sum);
        }
        md.append("| reason | statements |\n|---|---:|\n");
        counts.forEach((reason, count) -> md.append("| ").append(reasonText(reason)).append(" | ").append(count)
                .append(" |\n"));
        md.append("\n");
        List<Constitution.Excluded> dropped = excluded.stream().filter(e -> e.reason().equals("dropped")).toList();
        if (!dropped.isEmpty()) {
            md.append("Dropped by the organizers:\n\n");
            for (Constitution.Excluded e : dropped) {
                md.append("- ").append(escape(e.text() == null ? "" : e.text())).append(" (")
                        .append(e.statementIds().stream().map(id -> "#" + id).collect(Collectors.joining(", ")))
                        .append("): ").append(escape(e.detail())).append("\n");
            }
            md.append("\n");
        }
    }

    private static String reasonText(String reason) {
        return switch (reason) {
            case "moderated-out" -> "rejected by moderators";
            case "meta" -> "meta statements (about the conversation itself)";
            case "too-few-votes" -> "too few votes in some group";
            case "below-agreement" -> "not agreed by enough of every group";
            case "below-bridging" -> "bridging score below the minimum";
            case "dropped" -> "dropped by the organizers";
            default -> reason;
        };
    }

    private static void methods(StringBuilder md, Constitution c) {
        Constitution.Source s = c.source();
        SelectionParameters p = c.parameters();
        md.append("## Methods\n\n");
        md.append("- Conversation: ").append(escape(s.conversation()));
        if (s.topic() != null) {
            md.append(" — “").append(escape(s.topic())).append("”");
        }
        md.append("\n");
        if (s.firstActivity() != null && s.lastActivity() != null) {
            md.append("- Dates: ").append(DAY.format(s.firstActivity())).append(" to ")
                    .append(DAY.format(s.lastActivity())).append(" (first and last statement or vote)\n");
        }
        md.append("- Participants: ").append(s.participants()).append(" who voted; statements: ")
                .append(s.statements()).append("; votes: ").append(s.votes()).append("\n");
        md.append("- Opinion groups: ").append(s.groups().entrySet().stream()
                        .map(e -> Constitution.groupLabel(e.getKey()) + " (" + e.getValue() + " participants)")
                        .collect(Collectors.joining(", ")))
                .append(s.analysis() == null ? "" : "; " + escape(s.analysis())).append("\n");
        md.append("- Selection: a statement becomes a principle when, in every group, more than ")
                .append(percent(p.minGroupAgreement()))
                .append(" of the group's votes on it are “agree” (agree ÷ all its votes, passes included), with at least ")
                .append(p.minGroupVotes()).append(" votes from each group; statements rejected by moderators and meta "
                        + "statements are never principles")
                .append(p.minBridging() == null ? "" : "; the bridging score must be at least "
                        + ConstitutionCsv.decimal(p.minBridging(), 3))
                .append(".\n");
        md.append("- Order: by ").append(p.rankBy() == SelectionParameters.RankBy.BRIDGING
                ? "bridging score (Community Notes' matrix factorization)"
                : "group-informed consensus, the product over groups of (agree + 1) ÷ (votes + 2)").append(".\n");
        md.append("- Near-duplicates: statements whose character n-gram TF-IDF vectors have cosine similarity of at least ")
                .append(ConstitutionCsv.decimal(p.mergeThreshold(), 2))
                .append(" with every other member of their group (complete linkage) are merged into one principle, "
                        + "worded as its best-supported statement, with their votes summed.\n");
        md.append("- Constitutional AI phrasing: a deterministic rewrite into “Choose the response that …” "
                + "(Charter's docs/constitution.md); organizers may reword any line.\n");
        if (c.version() != null) {
            Constitution.VersionInfo v = c.version();
            md.append("- Version ").append(v.number()).append(": saved ").append(MINUTE.format(v.createdAt()));
            if (v.createdBy() != null) {
                md.append(" by ").append(escape(v.createdBy()));
            }
            if (v.published() && v.publishedAt() != null) {
                md.append("; published ").append(MINUTE.format(v.publishedAt()));
            }
            md.append(".");
            if (v.note() != null && !v.note().isBlank()) {
                md.append(" Note: ").append(escape(v.note()));
            }
            md.append("\n");
        }
    }

    private static String groupShares(Map<Integer, Double> shares) {
        if (shares.isEmpty()) {
            return "no votes";
        }
        return new TreeMap<>(shares).entrySet().stream()
                .map(e -> Constitution.groupLabel(e.getKey()) + " " + percent(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /**
     * Text as literal Markdown: inline markup characters are backslash-escaped (so HTML, links, emphasis and code are
     * impossible), and so is a start that would open a block (a list, heading or quote); line breaks become spaces
     * (a principle is one paragraph). Other punctuation stays as written, so the source reads naturally.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("\\s+", " ").strip();
        StringBuilder out = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if ("\\`*_[]<>&~|".indexOf(ch) >= 0 || (i == 0 && "#+-=".indexOf(ch) >= 0)) {
                out.append('\\');
            }
            out.append(ch);
        }
        // "1. text" or "1) text" at the start would read as a list item
        return out.toString().replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
    }
}
