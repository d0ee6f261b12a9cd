package org.charter.http;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI document that micronaut-openapi generates from the controllers at build time. */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
final class OpenApiController {

    /** The generator names the file after the title and version in {@link ApiDocumentation}. */
    static final String DOCUMENT = "classpath:META-INF/swagger/charter-api-0.1.yml";

    private final byte[] document;

    OpenApiController(ResourceResolver resources) {
        this.document = resources.getResourceAsStream(DOCUMENT).map(OpenApiController::readAll)
                .orElseThrow(() -> new IllegalStateException("the build did not generate " + DOCUMENT));
    }

    @Get("/openapi")
    @Produces("application/yaml")
    HttpResponse<byte[]> openapi() {
        return HttpResponse.ok(document);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
