package org.charter.conversation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;
import org.charter.security.OrganizerService;
import org.charter.security.SecretTokens;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Creating, changing, closing and looking up conversations, and who may manage them. */
@Singleton
public class ConversationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConversationRepository conversations;
    private final MetadataQuestionRepository questions;
    private final StatementService statements;
    private final VoteStore votes;
    private final OrganizerService organizers;
    private final OpenStatements open;

    /** Conversations recently resolved for participants' requests, by the name or id they were asked by. */
    private static final long CACHE_NANOS = 1_000_000_000L;

    private record CachedRow(ConversationRow row, long at) {
    }

    private final Map<String, CachedRow> recent = new ConcurrentHashMap<>();

    ConversationService(ConversationRepository conversations, MetadataQuestionRepository questions,
                        StatementService statements, VoteStore votes, OrganizerService organizers,
                        OpenStatements open) {
        this.open = open;
        this.conversations = conversations;
        this.questions = questions;
        this.statements = statements;
        this.votes = votes;
        this.organizers = organizers;
    }

    @Transactional
    public ConversationView create(Long organizerId, ConversationSettings s) {
        if (s.topic() == null || s.topic().isBlank()) {
            throw Problem.invalid("topic", "topic must not be empty");
        }
        String slug = s.slug() != null ? s.slug() : uniqueSlug(s.topic());
        if (conversations.findBySlug(slug).isPresent()) {
            throw Problem.conflict("slug", "a conversation named '" + slug + "' already exists");
        }
        Identity identity = s.identity() == null ? Identity.ANONYMOUS : s.identity();
        Instant now = Instant.now();
        ConversationRow row = conversations.save(new ConversationRow(null, slug, s.topic().strip(),
                s.description() == null ? "" : s.description(), organizerId,
                s.participantsCanWrite() == null || s.participantsCanWrite(),
                (s.moderation() == null ? Moderation.POST : s.moderation()).column(),
                s.statementMaxLength() == null ? 140 : s.statementMaxLength(), identity.column(),
                xidSecret(identity, s.xidSecret(), null),
                s.closesAt(), null, null, now, now));
        saveQuestions(row.id(), s.metadataQuestions());
        if (s.seedStatements() != null) {
            for (int i = 0; i < s.seedStatements().size(); i++) {
                statements.addSeed(row, s.seedStatements().get(i), false, "seedStatements[" + i + "]");
            }
        }
        return organizerView(row);
    }

    /** Creates a conversation for an import: no owner, identity and moderation as Polis had them. */
    @Transactional
    public ConversationRow createImported(String slug, String topic, String description, Moderation moderation,
                                          String sourceJson) {
        if (!slug.matches(ConversationSettings.SLUG)) {
            throw Problem.invalid("--conversation", "name must be 1-100 lower-case letters, digits, '.', '_' or '-'");
        }
        Instant now = Instant.now();
        return conversations.save(new ConversationRow(null, slug, topic, description, null, true, moderation.column(), 2000,
                Identity.ANONYMOUS.column(), null, null, null, sourceJson, now, now));
    }

    @Transactional
    public ConversationView update(String ref, long organizerId, ConversationSettings s) {
        ConversationRow c = managed(ref, organizerId);
        if (s.slug() != null && !s.slug().equals(c.slug())) {
            throw Problem.invalid("slug", "the name of a conversation cannot change (its link is already shared)");
        }
        if (s.seedStatements() != null) {
            throw Problem.invalid("seedStatements", "add statements to an existing conversation with POST .../statements");
        }
        if (s.topic() != null && s.topic().isBlank()) {
            throw Problem.invalid("topic", "topic must not be empty");
        }
        ConversationRow updated = changed(conversations.update(new ConversationRow(c.id(), c.slug(),
                s.topic() == null ? c.topic() : s.topic().strip(),
                s.description() == null ? c.description() : s.description(), c.ownerId(),
                s.participantsCanWrite() == null ? c.participantsCanWrite() : s.participantsCanWrite(),
                s.moderation() == null ? c.moderation() : s.moderation().column(),
                s.statementMaxLength() == null ? c.statementMaxLength() : s.statementMaxLength(),
                s.identity() == null ? c.identity() : s.identity().column(),
                xidSecret(s.identity() == null ? Identity.of(c.identity()) : s.identity(), s.xidSecret(), c.xidSecret()),
                s.closesAt() == null ? c.closesAt() : s.closesAt(), c.closedAt(), c.source(), c.createdAt(), Instant.now())));
        if (s.metadataQuestions() != null) {
            questions.deleteByConversationId(c.id());
            saveQuestions(c.id(), s.metadataQuestions());
        }
        return organizerView(updated);
    }

    @Transactional
    public ConversationView close(String ref, long organizerId) {
        ConversationRow c = managed(ref, organizerId);
        return organizerView(changed(conversations.update(withClosing(c, c.closedAt() == null ? Instant.now() : c.closedAt(), c.closesAt()))));
    }

    /** Reopens a closed conversation; a closing time already passed is cleared, a future one is kept. */
    @Transactional
    public ConversationView reopen(String ref, long organizerId) {
        ConversationRow c = managed(ref, organizerId);
        Instant closesAt = c.closesAt() != null && c.closesAt().isAfter(Instant.now()) ? c.closesAt() : null;
        return organizerView(changed(conversations.update(withClosing(c, null, closesAt))));
    }

    /** The owner invites another organizer account to co-organize; co-organizers manage but cannot invite. */
    @Transactional
    public List<CoOrganizer> addOrganizer(String ref, long organizerId, String email) {
        ConversationRow c = owned(ref, organizerId);
        long invited = organizers.findByEmail(email)
                .orElseThrow(() -> Problem.notFound("email", "no organizer account has this email; ask them to sign up first"))
                .id();
        if (invited != organizerId) {
            conversations.addOrganizer(c.id(), invited);
        }
        return organizersOf(c);
    }

    /** Who organizes the conversation: the owner first, then the co-organizers. */
    @Transactional
    public List<CoOrganizer> organizers(String ref, long organizerId) {
        return organizersOf(managed(ref, organizerId));
    }

    /** The owner removes a co-organizer, or a co-organizer leaves; the owner cannot be removed. */
    @Transactional
    public void removeOrganizer(String ref, long organizerId, long removed) {
        ConversationRow c = managed(ref, organizerId);
        if (removed != organizerId && !Objects.equals(c.ownerId(), organizerId)) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "conversation", "only the conversation's owner may remove co-organizers");
        }
        if (Objects.equals(c.ownerId(), removed)) {
            throw Problem.conflict("organizerId", "the owner cannot be removed from their conversation");
        }
        if (!conversations.removeOrganizer(c.id(), removed)) {
            throw Problem.notFound("organizerId", "organizer " + removed + " does not co-organize this conversation");
        }
    }

    private List<CoOrganizer> organizersOf(ConversationRow c) {
        List<CoOrganizer> list = new ArrayList<>();
        if (c.ownerId() != null) {
            organizers.findById(c.ownerId()).ifPresent(o -> list.add(new CoOrganizer(o.id(), o.email(), o.displayName(), true)));
        }
        for (long id : conversations.coOrganizerIds(c.id())) {
            organizers.findById(id).ifPresent(o -> list.add(new CoOrganizer(o.id(), o.email(), o.displayName(), false)));
        }
        return list;
    }

    @Transactional
    public List<ConversationView> list(long organizerId) {
        return conversations.findManagedBy(organizerId).stream().map(this::organizerView).toList();
    }

    @Transactional
    public ConversationView publicView(String ref) {
        return view(resolve(ref), false);
    }

    @Transactional
    public ConversationView organizerView(String ref, long organizerId) {
        return organizerView(managed(ref, organizerId));
    }

    @Transactional
    public ConversationCounts counts(String ref, long organizerId) {
        return votes.counts(managed(ref, organizerId).id());
    }

    /** The id of the conversation named by a numeric id or slug; 404 when there is none. */
    @Transactional
    public long idOf(String ref) {
        return resolve(ref).id();
    }

    /** The id of the conversation if this organizer owns or co-organizes it; 403 otherwise. */
    @Transactional
    public long managedIdOf(String ref, long organizerId) {
        return managed(ref, organizerId).id();
    }

    /**
     * The conversation named by a numeric id or by its slug; 404 when there is none. Participants ask for it on every
     * request, so it is cached for a second; changes made on this instance evict it at once, changes made on another
     * instance show within the second. No transaction of its own: the one read is a single statement.
     */
    public ConversationRow resolve(String ref) {
        String key = ref == null ? "" : ref.toLowerCase(Locale.ROOT);
        CachedRow cached = recent.get(key);
        long now = System.nanoTime();
        if (cached != null && now - cached.at() < CACHE_NANOS) {
            return cached.row();
        }
        ConversationRow row = fresh(ref);
        recent.put(key, new CachedRow(row, now));
        return row;
    }

    /** Forgets cached rows of a conversation after this instance changed it. */
    private ConversationRow changed(ConversationRow row) {
        recent.values().removeIf(c -> c.row().id().equals(row.id()));
        open.evict(row.id()); // the moderation mode decides which statements are open
        return row;
    }

    private ConversationRow fresh(String ref) {
        if (ref != null && ref.matches("[0-9]{1,18}")) {
            return conversations.findById(Long.parseLong(ref))
                    .orElseThrow(() -> Problem.notFound("conversation", "no conversation with id " + ref));
        }
        return conversations.findBySlug(ref == null ? "" : ref.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Problem.notFound("conversation", "no conversation named '" + ref + "'"));
    }

    /** The conversation, if this organizer owns or co-organizes it; 403 otherwise. */
    @Transactional
    public ConversationRow managed(String ref, long organizerId) {
        ConversationRow c = fresh(ref); // organizers change conversations: always start from the stored row
        if (!conversations.isManagedBy(c.id(), organizerId)) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "conversation", "you do not organize this conversation");
        }
        return c;
    }

    /** The conversation, if this organizer owns it (co-organizers are not enough); 403 otherwise. */
    private ConversationRow owned(String ref, long organizerId) {
        ConversationRow c = managed(ref, organizerId);
        if (!Objects.equals(c.ownerId(), organizerId)) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "conversation", "only the conversation's owner may invite co-organizers");
        }
        return c;
    }

    /**
     * The xid secret to store: the one given, else the one stored, else (in xid mode) a new random one, so that an
     * xid conversation always checks signatures: an unsigned xid would let anyone join as anyone.
     */
    private static String xidSecret(Identity identity, String given, String stored) {
        if (given != null) {
            return given;
        }
        if (stored != null || identity != Identity.XID) {
            return stored;
        }
        return SecretTokens.newToken();
    }

    ConversationView organizerView(ConversationRow c) {
        return view(c, true);
    }

    private ConversationView view(ConversationRow c, boolean organizer) {
        List<MetadataQuestion> qs = questions.findByConversationIdOrderByPosition(c.id()).stream()
                .map(q -> new MetadataQuestion(q.key(), q.label(), q.options() == null ? null : Arrays.asList(q.options())))
                .toList();
        return new ConversationView(c.id(), c.slug(), c.topic(), c.description(), c.participantsCanWrite(),
                Moderation.of(c.moderation()), c.statementMaxLength(), Identity.of(c.identity()), c.closesAt(),
                c.closedAt(), !c.isClosed(Instant.now()), qs, c.createdAt(),
                organizer ? c.xidSecret() : null, organizer ? votes.counts(c.id()) : null);
    }

    private void saveQuestions(long conversationId, List<MetadataQuestion> list) {
        if (list == null) {
            return;
        }
        if (list.stream().map(MetadataQuestion::key).distinct().count() != list.size()) {
            throw Problem.invalid("metadataQuestions", "each question needs its own key");
        }
        for (int i = 0; i < list.size(); i++) {
            MetadataQuestion q = list.get(i);
            questions.save(new MetadataQuestionRow(null, conversationId, i, q.key(), q.label().strip(),
                    q.options() == null ? null : q.options().stream().map(String::strip).toArray(String[]::new)));
        }
    }

    private static ConversationRow withClosing(ConversationRow c, Instant closedAt, Instant closesAt) {
        return new ConversationRow(c.id(), c.slug(), c.topic(), c.description(), c.ownerId(), c.participantsCanWrite(),
                c.moderation(), c.statementMaxLength(), c.identity(), c.xidSecret(), closesAt, closedAt, c.source(),
                c.createdAt(), Instant.now());
    }

    private String uniqueSlug(String topic) {
        String base = Normalizer.normalize(topic, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        base = base.length() > 40 ? base.substring(0, 40).replaceAll("-+$", "") : base;
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        while (true) {
            StringBuilder suffix = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                suffix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
            String slug = base.isEmpty() ? "c-" + suffix : base + "-" + suffix;
            if (conversations.findBySlug(slug).isEmpty()) {
                return slug;
            }
        }
    }
}
