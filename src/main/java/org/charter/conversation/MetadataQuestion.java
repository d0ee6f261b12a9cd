package org.charter.conversation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A question about the participant (country, age band...); {@code options} absent means free text. */
@Introspected
public record MetadataQuestion(
        @NotBlank @Pattern(regexp = "^[a-z0-9_]{1,40}$", message = "must be 1-40 lower-case letters, digits or '_'") String key,
        @NotBlank @Size(max = 300) String label,
        @Nullable @Size(max = 300) List<@NotBlank @Size(max = 200) String> options) {
}
