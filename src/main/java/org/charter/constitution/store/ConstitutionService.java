package org.charter.constitution.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.analysis.AnalysisResult;
import org.charter.constitution.Constitution;
import org.charter.constitution.ConstitutionBuilder;
import org.charter.constitution.SelectionParameters;
import org.charter.constitution.TextVectors;
import org.charter.constitution.VersionDiff;
import org.charter.conversation.ConversationService;
import org.charter.problem.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Constitutions of stored conversations: drafts from the latest analysis, curated versions (immutable once saved),
 * their differences, and the published one. Organizer methods check that the caller organizes the conversation.
 */
@Singleton
public class ConstitutionService {

    static final int MAX_PRINCIPLES = 1000;
    static final int MAX_TEXT = 2000;
    static final int MAX_STATEMENTS_PER_PRINCIPLE = 200;

    private final ConstitutionSource source;
    private final ConstitutionStore store;
    private final ConversationService conversations;

    ConstitutionService(ConstitutionSource source, ConstitutionStore store, ConversationService conversations) {
        this.source = source;
        this.store = store;
        this.conversations = conversations;
    }

    /** The candidate principles of the conversation's latest analysis, near-duplicates merged, with evidence. */
    public Constitution draft(String ref, long organizerId, SelectionParameters parameters) {
        ConstitutionSource.SourceConversation c = managed(ref, organizerId);
        Basis basis = basis(c);
        return ConstitutionBuilder.build(basis.result, basis.texts, parameters, basis.source, defaultTitle(c));
    }

    /** Saves a curated constitution as the conversation's next version and returns it. */
    @Transactional
    public Constitution save(String ref, long organizerId, SaveVersion command) {
        ConstitutionSource.SourceConversation c = managed(ref, organizerId);
        if (command == null) {
            throw Problem.invalid("body", "send the constitution to save: {\"principles\": [...]}");
        }
        SelectionParameters parameters = parameters(command.parameters());
        String title = text(command.title(), "title", 200, false);
        String note = text(command.note(), "note", MAX_TEXT, false);
        Map<Long, ConstitutionSource.StatementInfo> statements = source.statements(c.id());
        List<SaveVersion.PrincipleInput> inputs = command.principles() == null ? List.of() : command.principles();
        if (inputs.isEmpty()) {
            throw Problem.invalid("principles", "a version needs at least one principle");
        }
        if (inputs.size() > MAX_PRINCIPLES) {
            throw Problem.invalid("principles", "at most " + MAX_PRINCIPLES + " principles, found " + inputs.size());
        }
        Map<Long, String> usedBy = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            SaveVersion.PrincipleInput p = inputs.get(i);
            String where = "principles[" + i + "]";
            if (p == null) {
                throw Problem.invalid(where, "must be a principle");
            }
            text(p.text(), where + ".text", MAX_TEXT, true);
            text(p.cai(), where + ".cai", MAX_TEXT, false);
            text(p.note(), where + ".note", MAX_TEXT, false);
            checkStatements(p.statementIds(), where + ".statementIds", statements, usedBy, where);
        }
        List<SaveVersion.DroppedInput> droppedInputs = command.dropped() == null ? List.of() : command.dropped();
        for (int i = 0; i < droppedInputs.size(); i++) {
            SaveVersion.DroppedInput d = droppedInputs.get(i);
            String where = "dropped[" + i + "]";
            if (d == null) {
                throw Problem.invalid(where, "must be a dropped candidate");
            }
            text(d.reason(), where + ".reason", 1000, true);
            checkStatements(d.statementIds(), where + ".statementIds", statements, usedBy, where);
        }
        Basis basis = basis(c);
        TextVectors vectors = ConstitutionBuilder.vectors(basis.result, basis.texts);
        List<Constitution.Principle> principles = new ArrayList<>();
        for (SaveVersion.PrincipleInput p : inputs) {
            principles.add(ConstitutionBuilder.curated(basis.result, basis.texts, vectors, p.statementIds(),
                    p.text().strip(), blankToNull(p.cai()), blankToNull(p.note())));
        }
        List<Constitution.Excluded> dropped = new ArrayList<>();
        for (SaveVersion.DroppedInput d : droppedInputs) {
            dropped.add(new Constitution.Excluded(d.statementIds(), basis.texts.get(d.statementIds().getFirst()),
                    "dropped", d.reason().strip(), Map.of(), 0));
        }
        int number = store.lockNextVersion(c.id());
        Constitution version = new Constitution(title == null ? defaultTitle(c) : title, principles, dropped, List.of(),
                List.of(), parameters, basis.source, new Constitution.VersionInfo(number, null, null, false, null, note));
        store.insert(c.id(), number, version, organizerId);
        return store.load(c.id(), number).orElseThrow();
    }

    @Transactional
    public List<VersionSummary> versions(String ref, long organizerId) {
        return store.versions(managed(ref, organizerId).id());
    }

    @Transactional
    public Constitution version(String ref, long organizerId, int version) {
        return load(managed(ref, organizerId), version, "version");
    }

    @Transactional
    public VersionDiff diff(String ref, long organizerId, Integer from, Integer to) {
        if (from == null || to == null) {
            throw Problem.invalid(from == null ? "from" : "to", "give the two versions to compare: ?from=1&to=2");
        }
        ConstitutionSource.SourceConversation c = managed(ref, organizerId);
        return VersionDiff.of(from, load(c, from, "from"), to, load(c, to, "to"));
    }

    @Transactional
    public Constitution publish(String ref, long organizerId, int version) {
        ConstitutionSource.SourceConversation c = managed(ref, organizerId);
        if (!store.publish(c.id(), version)) {
            throw Problem.notFound("version", "no version " + version + " of this conversation's constitution");
        }
        return load(c, version, "version");
    }

    @Transactional
    public void unpublish(String ref, long organizerId) {
        if (!store.unpublish(managed(ref, organizerId).id())) {
            throw Problem.notFound("published", "no constitution of this conversation is published");
        }
    }

    /** The published constitution, for everyone (who saved it is left out). */
    @Transactional
    public Constitution published(String ref) {
        ConstitutionSource.SourceConversation c = conversation(ref);
        int number = store.publishedVersion(c.id()).orElseThrow(() ->
                Problem.notFound("constitution", "this conversation has no published constitution yet"));
        Constitution v = load(c, number, "version");
        Constitution.VersionInfo info = v.version();
        return new Constitution(v.title(), v.principles(), List.of(), List.of(), List.of(), v.parameters(), v.source(),
                new Constitution.VersionInfo(info.number(), info.createdAt(), null, true, info.publishedAt(), null));
    }

    /** The conversation's slug, for download file names. */
    public String slug(String ref) {
        return conversation(ref).slug();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private record Basis(AnalysisResult result, Map<Long, String> texts, Constitution.Source source) {
    }

    private Basis basis(ConstitutionSource.SourceConversation c) {
        Map<Long, ConstitutionSource.StatementInfo> statements = source.statements(c.id());
        AnalysisResult result = source.latestAnalysis(c.id()).orElseThrow(() -> Problem.conflict("conversation",
                "the conversation has no votes yet, so there is nothing to build a constitution from"));
        if (result.groups().isEmpty()) {
            throw Problem.conflict("conversation", "the conversation has no opinion groups yet"
                    + (result.note() == null ? "" : " (" + result.note() + ")")
                    + ", so no statement can be shown to be agreed across groups");
        }
        Map<Long, String> texts = new HashMap<>();
        statements.forEach((id, s) -> texts.put(id, s.text()));
        Constitution.Source src = ConstitutionBuilder.source(result, c.slug(), c.topic(), c.firstActivity(),
                c.lastActivity(), statements.size(),
                "groups found by Charter's opinion analysis (Polis's method) from the votes, analysis update "
                        + result.tick());
        return new Basis(result, texts, src);
    }

    private ConstitutionSource.SourceConversation conversation(String ref) {
        return source.conversation(ref).orElseThrow(() -> Problem.notFound("conversation",
                ref != null && ref.matches("[0-9]{1,18}") ? "no conversation with id " + ref
                        : "no conversation named '" + ref + "'"));
    }

    /** The conversation, if this organizer organizes it (404 when it does not exist, 403 when not theirs). */
    private ConstitutionSource.SourceConversation managed(String ref, long organizerId) {
        ConstitutionSource.SourceConversation c = conversation(ref);
        conversations.managed(String.valueOf(c.id()), organizerId);
        return c;
    }

    private Constitution load(ConstitutionSource.SourceConversation c, int version, String where) {
        return store.load(c.id(), version).orElseThrow(() ->
                Problem.notFound(where, "no version " + version + " of this conversation's constitution"));
    }

    private static String defaultTitle(ConstitutionSource.SourceConversation c) {
        return "Constitution from " + (c.topic() == null || c.topic().isBlank() ? c.slug() : c.topic());
    }

    static SelectionParameters parameters(SaveVersion.Parameters p) {
        if (p == null) {
            return SelectionParameters.DEFAULTS;
        }
        try {
            return SelectionParameters.of(p.minGroupAgreement(), p.minGroupVotes(), p.minBridging(),
                    p.rankBy() == null ? null : SelectionParameters.RankBy.parse(p.rankBy(), "rankBy"),
                    p.mergeThreshold());
        } catch (Problem e) {
            throw Problem.invalid("parameters." + e.where(), e.getMessage());
        }
    }

    private static void checkStatements(List<Long> ids, String where, Map<Long, ConstitutionSource.StatementInfo> all,
                                        Map<Long, String> usedBy, String owner) {
        if (ids == null || ids.isEmpty()) {
            throw Problem.invalid(where, "give at least one statement id");
        }
        if (ids.size() > MAX_STATEMENTS_PER_PRINCIPLE) {
            throw Problem.invalid(where, "at most " + MAX_STATEMENTS_PER_PRINCIPLE + " statements, found " + ids.size());
        }
        for (int k = 0; k < ids.size(); k++) {
            Long id = ids.get(k);
            String at = where + "[" + k + "]";
            if (id == null) {
                throw Problem.invalid(at, "must be a statement id");
            }
            ConstitutionSource.StatementInfo s = all.get(id);
            if (s == null) {
                throw Problem.invalid(at, "no statement " + id + " in this conversation");
            }
            if (s.moderatedOut()) {
                throw Problem.invalid(at, "statement " + id + " was rejected by a moderator");
            }
            String previous = usedBy.putIfAbsent(id, owner);
            if (previous != null) {
                throw Problem.invalid(at, "statement " + id + " is already in " + previous);
            }
        }
    }

    private static String text(String value, String where, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw Problem.invalid(where, "must not be empty");
            }
            return null;
        }
        if (value.strip().length() > max) {
            throw Problem.invalid(where, "at most " + max + " characters, found " + value.strip().length());
        }
        return value.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
