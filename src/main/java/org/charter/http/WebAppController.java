package org.charter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The web app is a single page: its own router handles these paths, so the server answers them all with
 * {@code index.html} (the built app's other files are served as static resources).
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
final class WebAppController {

    private final Optional<byte[]> index;

    WebAppController(ResourceResolver resources) {
        this.index = resources.getResourceAsStream("classpath:public/index.html").map(WebAppController::readAll);
    }

    @Get(uris = {"/c/{conversation}", "/organize", "/organize/{+path}", "/research", "/research/{+path}"})
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<byte[]> page(@Nullable @PathVariable String conversation, @Nullable @PathVariable String path) {
        return index.<HttpResponse<byte[]>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound("The web app was not built (the build ran with -Dfrontend.skip=true).".getBytes()));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
