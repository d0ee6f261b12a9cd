package org.charter.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/** The OpenAPI document's header; micronaut-openapi generates the rest from the controllers at build time. */
@OpenAPIDefinition(info = @Info(
        title = "Charter API",
        version = "0.1",
        description = "Conversations (statements, votes, moderation), opinion analysis, collective constitutions and"
                + " opinion similarity. Errors are RFC 7807 problem documents {type, title, status, detail, where}."
                + " Organizers authenticate with a bearer token from POST /api/auth/login; participants send the token"
                + " from POST /api/conversations/{conversation}/participants as X-Participant-Token.",
        license = @License(name = "AGPL-3.0-or-later", url = "https://www.gnu.org/licenses/agpl-3.0.html")))
final class ApiDocumentation {
    private ApiDocumentation() {
    }
}
