package org.charter.constitution.store;

import org.charter.analysis.AnalysisResult;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the constitution builder needs from the rest of Charter: a stored conversation, its statements, and its
 * latest analysis. Kept to these three questions so that the constitution feature does not depend on how
 * conversations and analysis snapshots are stored; {@link LiveConstitutionSource} is the implementation in use (the
 * conversation tables and the stored analysis snapshots).
 */
public interface ConstitutionSource {

    /**
     * A conversation as the constitution shows it.
     *
     * @param id            its id
     * @param slug          its name in links
     * @param topic         its topic
     * @param firstActivity the first statement or vote (or its creation), null if unknown
     * @param lastActivity  the last statement or vote, null if unknown
     */
    record SourceConversation(long id, String slug, String topic, Instant firstActivity, Instant lastActivity) {
    }

    /**
     * A statement.
     *
     * @param id           its id
     * @param text         its text
     * @param moderatedOut rejected by a moderator
     * @param meta         a statement about the conversation itself
     */
    record StatementInfo(long id, String text, boolean moderatedOut, boolean meta) {
    }

    /** The conversation named by its numeric id or its slug, if it exists. */
    Optional<SourceConversation> conversation(String ref);

    /** The conversation's latest analysis, or empty when it has none yet (no votes). */
    Optional<AnalysisResult> latestAnalysis(long conversationId);

    /** Every statement of the conversation, by id. */
    Map<Long, StatementInfo> statements(long conversationId);
}
