package org.charter.constitution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites a principle into the phrasing of Constitutional AI's principle lists (Bai et al. 2022, "Constitutional
 * AI: Harmlessness from AI Feedback"; the Collective Constitutional AI public constitution, 2023): "Choose the
 * response that …". Deterministic and rule-based (docs/constitution.md, "CAI rewrite"):
 *
 * <ol>
 * <li>The text is cleaned: surrounding quotes, repeated spaces, doubled words and final punctuation go.</li>
 * <li>A subject ("The AI", "AI", "the assistant", "it", "they"; also the common typos "Ai", "Al") and a modal
 * ("should", "must", "shall", "will", "needs to", "has to", "ought to", with "not"/"never" or a contraction) are
 * recognized; a text may also start at the modal ("Should never be mean") or be an imperative ("Always answer
 * questions", "Not ask personal questions").</li>
 * <li>"always" is dropped; "not" and "never" make the degree word <em>least</em>, otherwise it is <em>most</em>
 * ("only" replaces it).</li>
 * <li>"be ADJECTIVE …" becomes "is most/least ADJECTIVE …" ("be as helpful as possible" → "is most helpful";
 * "be able to X" → "is best able to X"); a verb from the list in {@code cai-verbs.txt} becomes "most/least VERBs …"
 * (third person: be → is, have → has, do → does, -y → -ies, -s/-x/-z/-ch/-sh/-o → -es).</li>
 * <li>Coordinated verb phrases are conjugated too: right after the verb they share the degree ("respect and
 * protect" → "most respects and protects"); after an object a new phrase repeats it, Anthropic's style ("…
 * misinformation, and that least expands on …"); a comma list of verb phrases keeps the degree ("…, says …,
 * or discriminates …").</li>
 * <li>Anything else falls back to a neutral template, always correct if less crisp: a recognized
 * "subject + modal" sentence whose predicate is not handled (a passive such as "be monitored", a noun phrase such as
 * "be a tool", several sentences) becomes "Choose the response that is most consistent with the principle that the
 * AI should be monitored."; any other text becomes "Choose the response that best reflects this principle: …".</li>
 * </ol>
 */
public final class CaiRewrite {

    static final String PREFIX = "Choose the response that ";

    private static final Set<String> VERBS = loadVerbs();
    private static final Set<String> SUBJECT_WORDS = Set.of("ai", "al", "a.i.", "assistant", "chatbot", "model",
            "system", "bot");
    private static final Set<String> PRONOUN_SUBJECTS = Set.of("it", "they");
    private static final Set<String> NEGATIVE_MODALS = Set.of("shouldn't", "shouldnt", "mustn't", "mustnt",
            "won't", "wont", "cannot", "can't", "cant", "shan't", "don't", "dont", "doesn't", "doesnt");
    private static final Set<String> ADJECTIVES_IN_ED = Set.of("unbiased", "biased", "balanced", "informed",
            "detailed", "reserved", "measured", "nuanced", "reasoned", "grounded", "composed", "relaxed", "polished",
            "good-natured", "open-minded", "fair-minded", "level-headed", "well-informed", "well-reasoned",
            "well-rounded", "well-mannered", "self-aware", "focused", "dedicated", "interested", "concerned",
            "committed", "prepared", "careful", "principled", "unprejudiced", "unopinionated", "opinionated", "advanced",
            "sophisticated", "tailored", "animated", "talented", "gifted", "kindhearted", "kind-hearted",
            "warmhearted", "light-hearted", "lighthearted", "big-hearted");
    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("used", "kept", "known", "seen", "given", "taken",
            "shown", "made", "done", "built", "taught", "held", "told", "led", "found", "left", "brought", "bound",
            "written", "driven", "chosen", "forbidden", "hidden", "put", "set", "shut", "run", "sold", "sent",
            "spent", "thought", "understood", "won", "worn", "born", "broken", "caught", "fed", "forgotten",
            "gotten", "got", "heard", "hit", "hurt", "let", "lost", "meant", "met", "paid", "read", "said", "shaken",
            "shot", "spoken", "stolen", "struck", "sworn", "thrown", "woken", "programmed", "allowed");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the", "one", "someone", "something", "our", "my",
            "your", "their", "his", "her", "its");

    private CaiRewrite() {
    }

    /** The "Choose the response that …" line for a principle. */
    public static String rewrite(String principle) {
        String text = clean(principle == null ? "" : principle);
        if (text.isEmpty()) {
            return PREFIX + "best reflects this principle.";
        }
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        Parse parse = parse(words);
        if (parse == null) {
            return neutral(text);
        }
        if (severalSentences(text)) {
            return parse.subject == null ? neutral(text) : consistentWith(parse, words);
        }
        String predicate = predicate(parse, words);
        if (predicate == null) {
            return parse.subject == null ? neutral(text) : consistentWith(parse, words);
        }
        return PREFIX + predicate + ".";
    }

    // --- parsing --------------------------------------------------------------------------------------------------

    /** Where the subject, modal and predicate are. */
    private record Parse(String subject, int modalStart, int predicateStart, boolean negative, boolean only) {
    }

    private static Parse parse(List<String> w) {
        int i = 0;
        String subject = null;
        if (i < w.size() && core(w.get(i)).equals("the")) {
            i++;
        }
        boolean hasThe = i > 0;
        if (i < w.size() && (SUBJECT_WORDS.contains(core(w.get(i))) || (!hasThe && PRONOUN_SUBJECTS.contains(core(w.get(i)))))) {
            String first = core(w.get(i));
            subject = PRONOUN_SUBJECTS.contains(first) ? first : first.equals("assistant") || first.equals("chatbot")
                    || first.equals("model") || first.equals("bot") ? first : "AI";
            i++;
            if (i < w.size() && Set.of("system", "chatbot", "assistant", "model").contains(core(w.get(i)))) {
                subject = subject + " " + core(w.get(i));
                i++;
            }
            if (hasThe) {
                subject = "the " + subject;
            }
        } else if (hasThe) {
            return null;
        }
        int modalStart = i;
        boolean negative = false;
        boolean modal = false;
        if (i < w.size()) {
            String m = core(w.get(i));
            String next = i + 1 < w.size() ? core(w.get(i + 1)) : "";
            if (Set.of("should", "must", "shall", "will").contains(m)) {
                modal = true;
                i++;
            } else if (Set.of("needs", "need", "has", "have", "ought").contains(m) && next.equals("to")) {
                modal = true;
                i += 2;
            } else if (NEGATIVE_MODALS.contains(m) && !m.startsWith("do")) {
                modal = true;
                negative = true;
                i++;
            }
        }
        if (subject != null && !modal) {
            return null; // "AI is dangerous", "Al respect everyone": not a rule we can rephrase safely
        }
        boolean only = false;
        // adverbs between the modal (or the start of an imperative) and the verb
        while (i < w.size()) {
            String a = core(w.get(i));
            if (a.equals("not") || a.equals("never") || ((a.equals("don't") || a.equals("dont")) && !modal)) {
                negative = true;
            } else if (a.equals("only")) {
                only = true;
            } else if (!Set.of("always", "also", "really", "just").contains(a)) {
                break;
            }
            i++;
        }
        if (i >= w.size()) {
            return null;
        }
        if (!modal) {
            String head = core(w.get(i));
            // an imperative: a known verb first ("have the AI …" reads as a causative, not a rule)
            if (!VERBS.contains(head) || head.equals("have") || subject != null) {
                return null;
            }
        }
        return new Parse(subject, modalStart, i, negative, only);
    }

    private static String predicate(Parse p, List<String> w) {
        int i = p.predicateStart;
        String degree = p.only ? "only" : p.negative ? "least" : "most";
        // manner adverbs before the verb stay where they are ("actively addresses", "clearly and repeatedly")
        List<String> adverbs = new ArrayList<>();
        while (i < w.size() - 1 && (core(w.get(i)).endsWith("ly") && !VERBS.contains(core(w.get(i)))
                || (core(w.get(i)).equals("and") && !adverbs.isEmpty()))) {
            adverbs.add(w.get(i));
            i++;
        }
        String verb = core(w.get(i));
        if (verb.equals("be")) {
            if (!adverbs.isEmpty()) {
                return null;
            }
            return bePredicate(w, i + 1, p.negative, p.only);
        }
        if (!VERBS.contains(verb)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        out.add(degree);
        out.addAll(adverbs);
        out.add(conjugate(verb) + trailing(w.get(i)));
        coordinate(w, i + 1, i, p.negative, out);
        return String.join(" ", out);
    }

    /** "be …": an adjective phrase becomes "is most/least …"; passives and noun phrases are not handled (null). */
    private static String bePredicate(List<String> w, int i, boolean negative, boolean only) {
        if (i >= w.size() || only) {
            return null;
        }
        String first = core(w.get(i));
        if (first.equals("able") && i + 2 < w.size() && core(w.get(i + 1)).equals("to")) {
            if (negative) {
                return null;
            }
            return "is best able to " + String.join(" ", w.subList(i + 2, w.size()));
        }
        if (ARTICLES.contains(first)) {
            return null; // "be a tool", "be the …": a noun phrase
        }
        List<String> rest = new ArrayList<>(w.subList(i, w.size()));
        String degree = negative ? "least" : "most";
        if (!first.equals("like")) {
            // "as helpful to the user as possible" → "helpful to the user"; a lone leading "as" is dropped
            if (core(rest.getFirst()).equals("as")) {
                rest.removeFirst();
                int n = rest.size();
                if (n >= 2 && core(rest.get(n - 2)).equals("as") && core(rest.get(n - 1)).equals("possible")) {
                    rest.subList(n - 2, n).clear();
                }
            }
            while (rest.size() > 1 && Set.of("very", "more", "most", "extremely", "always", "really", "extra")
                    .contains(core(rest.getFirst()))) {
                rest.removeFirst();
            }
            if (rest.isEmpty() || passive(rest)) {
                return null;
            }
        }
        rest.set(0, lowerFirst(rest.getFirst()));
        List<String> out = new ArrayList<>(List.of("is", degree));
        coordinate(rest, 0, -2, negative, out);
        return String.join(" ", out);
    }

    /** Whether the first word that is not a manner adverb is a past participle ("be monitored", "be kept"). */
    private static boolean passive(List<String> words) {
        for (String r : words) {
            String c = core(r);
            if (c.endsWith("ly") && !Set.of("friendly", "lovely", "holy", "silly", "ugly", "lonely").contains(c)) {
                continue;
            }
            return IRREGULAR_PARTICIPLES.contains(c) || (c.endsWith("ed") && !ADJECTIVES_IN_ED.contains(c));
        }
        return false;
    }

    /**
     * Conjugates the verbs of coordinated verb phrases after the head verb at {@code head}, appending the words from
     * {@code from} on to {@code out}.
     */
    private static void coordinate(List<String> w, int from, int head, boolean negative, List<String> out) {
        boolean clauseNegative = negative;
        boolean inInfinitive = false;
        int clauseHead = head;
        for (int i = from; i < w.size(); i++) {
            String token = w.get(i);
            String c = core(token);
            if (c.equals("to") && infinitive(w, i + 1)) {
                inInfinitive = true;
            }
            boolean coordinator = Set.of("and", "or", "nor", "but").contains(c) && !token.endsWith(",");
            boolean commaList = !coordinator && i > from && w.get(i - 1).endsWith(",") && VERBS.contains(c)
                    && !inInfinitive && i + 1 < w.size();
            if (commaList) {
                // "…, say racist things, or …": a list of verb phrases sharing the degree
                out.add(conjugate(c) + trailing(token));
                clauseHead = i;
                continue;
            }
            if (!coordinator || i + 1 >= w.size()) {
                out.add(token);
                continue;
            }
            int j = i + 1;
            boolean modal = false;
            boolean explicitNegation = false;
            while (j < w.size()) {
                String a = core(w.get(j));
                if (Set.of("should", "must", "shall", "will").contains(a)) {
                    modal = true;
                } else if (NEGATIVE_MODALS.contains(a)) {
                    modal = true;
                    explicitNegation = true;
                } else if (a.equals("not") || a.equals("never")) {
                    explicitNegation = true;
                } else if (!Set.of("also", "always").contains(a)) {
                    break;
                }
                j++;
            }
            if (j >= w.size() || !VERBS.contains(core(w.get(j))) || j + 1 > w.size()) {
                out.add(token);
                continue;
            }
            // a "not" before the first verb covers the verbs joined to it ("not judge and condemn", "not X or Y"),
            // unless a new modal or "but" starts a new rule
            boolean neg = explicitNegation || (!modal && !c.equals("but") && clauseNegative);
            String v = core(w.get(j));
            boolean shared = i == clauseHead + 1 && j == i + 1;
            boolean newClause = !shared && (modal || c.equals("but") || c.equals("nor") || !inInfinitive);
            if (!shared && !newClause) {
                out.add(token);
                continue;
            }
            if (v.equals("be") && !shared) {
                String be = bePredicate(w, j + 1, neg, false);
                if (be == null) {
                    out.add(token);
                    continue;
                }
                appendClause(out, c, true);
                out.add(be);
                return;
            }
            if (shared) {
                out.add(token);
                if (neg != clauseNegative) {
                    out.add(neg ? "least" : "most");
                }
            } else if (c.equals("or") && !modal) {
                out.add("or");
                if (neg != clauseNegative) {
                    out.add(neg ? "least" : "most");
                }
            } else {
                appendClause(out, c, false);
                out.add(neg ? "least" : "most");
            }
            out.add(conjugate(v) + trailing(w.get(j)));
            clauseNegative = neg;
            clauseHead = j;
            inInfinitive = false;
            i = j;
        }
    }

    /** Whether a verb (after adverbs such as "always" or "not") starts at {@code i}: "to always do", "to rely". */
    private static boolean infinitive(List<String> w, int i) {
        while (i < w.size() && (Set.of("always", "never", "not", "also", "better").contains(core(w.get(i)))
                || core(w.get(i)).endsWith("ly"))) {
            i++;
        }
        return i < w.size() && VERBS.contains(core(w.get(i)));
    }

    /** ", and that" before a new verb phrase ("nor" reads as "and" once the degree carries the negation). */
    private static void appendClause(List<String> out, String coordinator, boolean withIs) {
        if (!out.isEmpty()) {
            String last = out.getLast();
            out.set(out.size() - 1, last.endsWith(",") ? last : last + ",");
        }
        out.add(coordinator.equals("nor") ? "and" : coordinator);
        out.add("that");
    }

    // --- templates ------------------------------------------------------------------------------------------------

    private static String consistentWith(Parse p, List<String> w) {
        String rest = String.join(" ", w.subList(p.modalStart, w.size()));
        return PREFIX + "is most consistent with the principle that " + p.subject + " " + rest + ".";
    }

    private static String neutral(String text) {
        return PREFIX + "best reflects this principle: " + text + ".";
    }

    // --- words ----------------------------------------------------------------------------------------------------

    /** Third person singular present: be → is, have → has, do → does, go → goes, try → tries, push → pushes. */
    static String conjugate(String verb) {
        return switch (verb) {
            case "be" -> "is";
            case "have" -> "has";
            case "do" -> "does";
            case "go" -> "goes";
            default -> {
                if (verb.length() > 1 && verb.endsWith("y") && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
                    yield verb.substring(0, verb.length() - 1) + "ies";
                }
                if (verb.endsWith("s") || verb.endsWith("x") || verb.endsWith("z") || verb.endsWith("ch")
                        || verb.endsWith("sh") || verb.endsWith("o")) {
                    yield verb + "es";
                }
                yield verb + "s";
            }
        };
    }

    /** The word in lower case without surrounding punctuation (inner apostrophes and hyphens stay). */
    static String core(String token) {
        String t = token.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int a = 0;
        int b = t.length();
        while (a < b && !Character.isLetterOrDigit(t.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(t.charAt(b - 1)) && t.charAt(b - 1) != '.') {
            b--;
        }
        String c = t.substring(a, b);
        return c.equals("a.i.") ? c : c.replaceAll("\\.+$", "");
    }

    /** Punctuation after the word (a comma), kept when the word is replaced. */
    private static String trailing(String token) {
        int b = token.length();
        while (b > 0 && !Character.isLetterOrDigit(token.charAt(b - 1))) {
            b--;
        }
        return token.substring(b);
    }

    private static String lowerFirst(String word) {
        if (word.length() > 1 && Character.isUpperCase(word.charAt(1))) {
            return word; // an acronym
        }
        return word.isEmpty() ? word : Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }

    /** Quotes, spaces, doubled words and end punctuation removed. */
    static String clean(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u2019', '\'').replace('\u2018', '\'')
                .replaceAll("[\u201C\u201D\"]", " ").replaceAll("\\s+", " ").strip();
        t = t.replaceAll("(?i)\\b(\\w+) \\1\\b", "$1");
        t = t.replaceAll("^[\\s'\\-–—*•]+", "").replaceAll("[\\s.!?;:,'\\-–—]+$", "");
        return t.strip();
    }

    private static boolean severalSentences(String text) {
        // "e.g. medical" is not the end of a sentence
        return text.matches(".*(?<!\\b(?:e\\.g|i\\.e|etc|vs))[.!?] +\\p{L}.*");
    }

    private static Set<String> loadVerbs() {
        Set<String> verbs = new HashSet<>();
        try (InputStream in = CaiRewrite.class.getResourceAsStream("/constitution/cai-verbs.txt")) {
            if (in == null) {
                throw new IllegalStateException("constitution/cai-verbs.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    for (String v : line.strip().split("\\s+")) {
                        if (!v.isEmpty()) {
                            verbs.add(v);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(verbs);
    }
}
