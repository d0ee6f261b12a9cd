package org.charter.abuse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * {@code charter.abuse.max-body}: the largest request bodies under {@code /api}, far below the server-wide
 * {@code micronaut.server.max-request-size} that survey uploads need.
 *
 * @param participant what anyone can send without signing in: joining, votes, statements, metadata answers,
 *                    registration and sign-in (a statement has at most 2,000 characters)
 * @param api         every other request under {@code /api} except the survey and answer-set uploads (those have
 *                    {@code charter.opinions.max-upload-bytes}): a conversation with 1,000 seed statements, a
 *                    constitution version
 */
@ConfigurationProperties("charter.abuse.max-body")
public record BodyLimits(@Bindable(defaultValue = "64KB") @ReadableBytes int participant,
                         @Bindable(defaultValue = "2MB") @ReadableBytes int api) {
}
