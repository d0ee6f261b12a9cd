package org.charter.constitution.store;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A curated constitution to save as a new version: the principles in the organizer's order and wording, each with
 * the statements behind it; the candidates dropped, with a reason. The evidence is not sent: the service computes it
 * from the conversation's current analysis.
 *
 * @param title      the document title (default "Constitution from TOPIC")
 * @param note       a note on this version
 * @param parameters the selection parameters of the draft it was curated from (defaults when absent)
 * @param principles at least one
 * @param dropped    candidates left out on purpose
 */
@Introspected
public record SaveVersion(@Nullable String title, @Nullable String note, @Nullable Parameters parameters,
                          @Nullable List<PrincipleInput> principles, @Nullable List<DroppedInput> dropped) {

    /**
     * A principle.
     *
     * @param text         the wording (the organizer may reword the statement)
     * @param statementIds the statements behind it; the first is the one it is worded after
     * @param cai          the organizer's "Choose the response that …" line; absent for the rewrite of {@code text}
     * @param note         a note
     */
    @Introspected
    public record PrincipleInput(@Nullable String text, @Nullable List<Long> statementIds, @Nullable String cai,
                                 @Nullable String note) {
    }

    /**
     * A dropped candidate.
     *
     * @param statementIds its statements
     * @param reason       why it was dropped
     */
    @Introspected
    public record DroppedInput(@Nullable List<Long> statementIds, @Nullable String reason) {
    }

    /** The selection parameters; absent ones take their defaults. */
    @Introspected
    public record Parameters(@Nullable Double minGroupAgreement, @Nullable Integer minGroupVotes,
                             @Nullable Double minBridging, @Nullable String rankBy, @Nullable Double mergeThreshold) {
    }
}
