package org.charter.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.charter.opinions.SurveyCsvReader;
import org.charter.opinions.SurveyQuestion;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input sent to every route the application declares (enumerated from Micronaut's router, so a new endpoint is
 * swept without touching this test): unknown, non-numeric, negative and huge path and query values; malformed JSON,
 * wrong types, out-of-range numbers, invalid UTF-8, huge fields and a body over the size limit. Requests are signed in
 * as an organizer who owns the conversation and carry a valid participant token, so they get past authentication to
 * the checks that matter. Every answer must be a client error (or a success where the input is in fact acceptable)
 * with an RFC 7807 problem body: never a 5xx.
 */
@MicronautTest(transactional = false)
class BadInputSweepTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([+]?)(\\w+)}");
    private static final Pattern QUERY_TEMPLATE = Pattern.compile("\\{\\?[^}]*}");
    /** Over micronaut.server.max-request-size (10 MB). */
    private static final int HUGE_BODY = 20 * 1024 * 1024;
    /** A text field longer than any the API stores: refused (400, or 413 by a body limit) or accepted, never a 500. */
    private static final int LONG_FIELD = 2 * 1024 * 1024;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    protected Map<String, String> extraProperties() {
        // hundreds of requests in seconds from one participant: rate limits would answer 429 before the input is read
        return ReliabilitySettings.withoutRateLimits();
    }

    private String organizer;
    private String participant;
    /** Path variable values that name things that exist, so the one bad value in a request is what is tested. */
    private final Map<String, String> valid = new LinkedHashMap<>();

    @BeforeAll
    void createThingsToAddress() throws Exception {
        Api api = new Api(client);
        organizer = api.newOrganizer();
        Map<?, ?> conversation = api.post("/api/conversations", Map.of("slug", "sweep", "topic", "Bad input",
                "seedStatements", List.of("First statement.", "Second statement."),
                "metadataQuestions", List.of(Map.of("key", "country", "label", "Country?"))), organizer);
        participant = api.join("sweep");
        long statement = ((Number) ((Map<?, ?>) api.getList("/api/conversations/sweep/statements", null).getFirst()).get("id")).longValue();
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/globalopinions/global_opinions_sample.csv")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<?, ?> dataset = client.toBlocking().retrieve(HttpRequest.POST("/api/opinions/datasets?name=sample", sample)
                .contentType("text/csv").bearerAuth(organizer), Map.class);
        long datasetId = ((Number) dataset.get("id")).longValue();
        SurveyQuestion question = SurveyCsvReader.read(sample, "sample.csv").questions().getFirst();
        double[] shares = new double[question.options().size()];
        java.util.Arrays.fill(shares, 1.0 / shares.length);
        Map<?, ?> answers = client.toBlocking().retrieve(HttpRequest.POST("/api/opinions/datasets/" + datasetId
                        + "/answer-sets?name=model&lenient=true", "{\"qid\": " + question.qid() + ", \"distribution\": "
                        + java.util.Arrays.toString(shares) + "}\n")
                .contentType("application/x-ndjson").bearerAuth(organizer), Map.class);
        long qid = question.qid();
        valid.put("conversation", (String) conversation.get("slug"));
        valid.put("statementId", Long.toString(statement));
        valid.put("datasetId", Long.toString(datasetId));
        valid.put("answerSetId", String.valueOf(answers.get("id")));
        valid.put("qid", Long.toString(qid));
        valid.put("version", "1");
        valid.put("path", "conversations");
    }

    /** What an answer to a case may be. */
    enum Expect {
        /** 4xx with a problem body. */
        CLIENT_ERROR,
        /** The input may be acceptable: 2xx, or 4xx with a problem body. */
        NO_SERVER_ERROR,
        /** Exactly 400, with a problem body. */
        BAD_REQUEST,
        /** Exactly 413, with a problem body. */
        TOO_LARGE,
        /** The web app's pages (HTML, not the API): anything but a server error. */
        NOT_API
    }

    record Case(String route, String what, String method, String path, String contentType, byte[] body, Expect expect,
                String field) {
        @Override
        public String toString() {
            return method + " " + path.substring(0, Math.min(path.length(), 120)) + " [" + route + ": " + what + "]";
        }
    }

    @Test
    void everyRouteAnswersBadInputWithAClientErrorAndAProblemBody() throws Exception {
        Map<String, UriRouteInfo<?, ?>> byRoute = new java.util.TreeMap<>();
        router.uriRoutes()
                .filter(r -> r.getDeclaringType().getPackageName().startsWith("org.charter"))
                .filter(r -> r.getHttpMethod() != io.micronaut.http.HttpMethod.HEAD) // GET's twin, without a body to check
                .forEach(r -> byRoute.putIfAbsent(r.getHttpMethodName() + " " + r.getUriMatchTemplate() + " " + r.getConsumes(), r));
        List<UriRouteInfo<?, ?>> routes = List.copyOf(byRoute.values());
        assertTrue(routes.size() > 40, "found the routes: " + routes.size());

        List<Case> cases = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes) {
            cases.addAll(casesFor(route));
        }
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String failure = check(c);
            if (failure != null) {
                failures.add(c + " -> " + failure);
            }
        }
        assertTrue(cases.size() > 300, "built the table: " + cases.size());
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed:\n" + String.join("\n", failures));
    }

    private List<Case> casesFor(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString();
        String method = route.getHttpMethodName();
        String controller = route.getDeclaringType().getSimpleName().replaceFirst("^\\$(\\w+)\\$Definition\\$Intercepted$", "$1");
        String name = controller + "." + route.getTargetMethod().getMethodName();
        boolean api = template.startsWith("/api/");
        List<Case> cases = new ArrayList<>();
        byte[] validBody = validBody(route);
        String contentType = contentType(route);

        // Path variables: each in turn bad, the others valid.
        Matcher m = VARIABLE.matcher(template);
        List<String> variables = new ArrayList<>();
        while (m.find()) {
            variables.add(m.group(2));
        }
        for (String variable : variables) {
            for (Map.Entry<String, String> bad : badPathValues().entrySet()) {
                cases.add(new Case(name, variable + " " + bad.getKey(), method, path(template, Map.of(variable, bad.getValue()), ""),
                        contentType, validBody, api ? Expect.CLIENT_ERROR : Expect.NOT_API, null));
            }
        }

        // Query values: wrong types, negative, huge.
        for (var argument : route.getTargetMethod().getArguments()) {
            if (!argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                continue;
            }
            String query = argument.getAnnotationMetadata().stringValue(QueryValue.class).orElse(argument.getName());
            boolean typed = !CharSequence.class.isAssignableFrom(argument.getType());
            cases.add(new Case(name, "query " + query + " wrong type", method, path(template, Map.of(), "?" + query + "=abc%20def"),
                    contentType, validBody, typed ? Expect.BAD_REQUEST : Expect.NO_SERVER_ERROR, typed ? query : null));
            cases.add(new Case(name, "query " + query + " huge", method, path(template, Map.of(), "?" + query + "=99999999999999999999999"),
                    contentType, validBody, typed ? Expect.BAD_REQUEST : Expect.NO_SERVER_ERROR, typed ? query : null));
            cases.add(new Case(name, "query " + query + " negative", method, path(template, Map.of(), "?" + query + "=-1"),
                    contentType, validBody, Expect.NO_SERVER_ERROR, null));
            cases.add(new Case(name, "query " + query + " NUL", method, path(template, Map.of(), "?" + query + "=a%00b"),
                    contentType, validBody, typed ? Expect.BAD_REQUEST : Expect.NO_SERVER_ERROR, null));
            cases.add(new Case(name, "query " + query + " invalid UTF-8", method, path(template, Map.of(), "?" + query + "=%C3%28%FF"),
                    contentType, validBody, typed ? Expect.BAD_REQUEST : Expect.NO_SERVER_ERROR, null));
        }

        // Bodies.
        Optional<Argument<?>> body = route.getBodyArgument();
        if (body.isEmpty() || !route.isPermitsRequestBody()) {
            return cases;
        }
        String p = path(template, Map.of(), "");
        if (route.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE) || isMultipart(route)) {
            cases.add(new Case(name, "malformed multipart", method, p, "multipart/form-data; boundary=xyz",
                    "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end".getBytes(StandardCharsets.UTF_8),
                    Expect.CLIENT_ERROR, null));
            cases.add(new Case(name, "huge multipart", method, p, "multipart/form-data; boundary=xyz",
                    multipart(HUGE_BODY), Expect.TOO_LARGE, null));
            return cases;
        }
        if (!json(route)) {
            cases.add(new Case(name, "garbage text", method, p, contentType, "\u0000\u0001,,,\"\n{[".getBytes(StandardCharsets.UTF_8),
                    Expect.CLIENT_ERROR, null));
            cases.add(new Case(name, "invalid UTF-8 text", method, p, contentType, new byte[]{'a', ',', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'},
                    Expect.CLIENT_ERROR, null));
            cases.add(new Case(name, "empty text", method, p, contentType, new byte[0], Expect.CLIENT_ERROR, null));
            cases.add(new Case(name, "huge text", method, p, contentType, filled(HUGE_BODY), Expect.TOO_LARGE, null));
            return cases;
        }
        String j = "application/json";
        cases.add(new Case(name, "malformed JSON", method, p, j, utf8("{\"statementId\": "), Expect.BAD_REQUEST, null));
        cases.add(new Case(name, "JSON array for an object", method, p, j, utf8("[1, 2, 3]"), Expect.BAD_REQUEST, null));
        cases.add(new Case(name, "JSON number for an object", method, p, j, utf8("42"), Expect.BAD_REQUEST, null));
        cases.add(new Case(name, "JSON true for an object", method, p, j, utf8("true"), Expect.BAD_REQUEST, null));
        cases.add(new Case(name, "JSON null", method, p, j, utf8("null"), Expect.NO_SERVER_ERROR, null));
        cases.add(new Case(name, "JSON string for an object", method, p, j, utf8("\"text\""), Expect.BAD_REQUEST, null));
        cases.add(new Case(name, "deeply nested JSON", method, p, j, utf8("[".repeat(2_000)), Expect.BAD_REQUEST, null));
        cases.add(new Case(name, "invalid UTF-8 in JSON", method, p, j, invalidUtf8Json(body.get()), Expect.BAD_REQUEST, null));
        cases.add(new Case(name, "body over the size limit", method, p, j, hugeJson(), Expect.TOO_LARGE, null));
        cases.add(new Case(name, "empty body", method, p, j, new byte[0], Expect.NO_SERVER_ERROR, null));
        cases.add(new Case(name, "unknown fields", method, p, j, utf8("{\"noSuchField\": [1, {\"x\": null}]}"), Expect.NO_SERVER_ERROR, null));
        cases.add(new Case(name, "JSON as text/plain", method, p, "text/plain", validBody, Expect.NO_SERVER_ERROR, null));
        Map<String, Argument<?>> properties = properties(body.get());
        for (Map.Entry<String, Argument<?>> property : properties.entrySet()) {
            String field = property.getKey();
            Class<?> type = property.getValue().getType();
            boolean text = CharSequence.class.isAssignableFrom(type);
            boolean number = Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class);
            String wrong = wrongValue(property.getValue());
            cases.add(new Case(name, field + " wrong type", method, p, j, withField(properties, field, wrong), Expect.BAD_REQUEST, field));
            cases.add(new Case(name, field + " as nested array", method, p, j, withField(properties, field, "[[1, 2], [3, 4]]"),
                    Expect.BAD_REQUEST, field));
            if (number) {
                cases.add(new Case(name, field + " huge number", method, p, j, withField(properties, field, "99999999999999999999999"),
                        Expect.BAD_REQUEST, field));
                cases.add(new Case(name, field + " overflowing number", method, p, j, withField(properties, field, "1e999"),
                        Expect.BAD_REQUEST, field));
                cases.add(new Case(name, field + " negative", method, p, j, withField(properties, field, "-1"),
                        Expect.CLIENT_ERROR, null));
            }
            if (text) {
                cases.add(new Case(name, field + " 2 MB long", method, p, j,
                        withField(properties, field, "\"" + "x".repeat(LONG_FIELD) + "\""), Expect.NO_SERVER_ERROR, null));
                // PostgreSQL cannot store NUL in text: refused up front, naming the field
                cases.add(new Case(name, field + " with NUL", method, p, j,
                        withField(properties, field, "\"a\\u0000\\u0007\\ud800b\""), Expect.BAD_REQUEST, field));
            }
        }
        return cases;
    }

    /** Sends the case; answers what is wrong with the answer, or null when it is as expected. */
    private String check(Case c) {
        HttpResponse<byte[]> response;
        try {
            var builder = java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + c.path()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + organizer)
                    .header("X-Participant-Token", participant)
                    .method(c.method(), c.body() == null || c.method().equals("GET") || c.method().equals("DELETE")
                            ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(c.body()));
            if (c.contentType() != null && c.body() != null && !c.method().equals("GET") && !c.method().equals("DELETE")) {
                builder.header("Content-Type", c.contentType());
            }
            if (c.path().startsWith("/api/auth/logout")) {
                builder.setHeader("Authorization", "Bearer not-a-real-token"); // do not sign the sweep's organizer out
            }
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        int status = response.statusCode();
        String bodyText = new String(response.body(), StandardCharsets.UTF_8);
        String shown = status + " " + bodyText.substring(0, Math.min(bodyText.length(), 300));
        if (status >= 500) {
            return "server error: " + shown;
        }
        if (status < 400 || c.expect() == Expect.NOT_API) {
            return c.expect() == Expect.NO_SERVER_ERROR || c.expect() == Expect.NOT_API ? null : "accepted: " + shown;
        }
        if (c.expect() == Expect.BAD_REQUEST && status != 400) {
            return "expected 400: " + shown;
        }
        if (c.expect() == Expect.TOO_LARGE && status != 413) {
            return "expected 413: " + shown;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "not a problem document (" + type + "): " + shown;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (IOException e) {
            return "problem body is not JSON: " + shown;
        }
        for (String key : List.of("type", "title", "status", "detail")) {
            if (!problem.hasNonNull(key)) {
                return "problem without " + key + ": " + shown;
            }
        }
        if (problem.get("status").asInt() != status) {
            return "problem status differs from the HTTP status: " + shown;
        }
        if (c.field() != null && status == 400 && !problem.path("where").asText("").startsWith(c.field())) {
            return "where does not name " + c.field() + ": " + shown;
        }
        return null;
    }

    // --- building requests ---

    private Map<String, String> badPathValues() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("unknown", "no-such-thing");
        bad.put("unknown number", "987654321");
        bad.put("negative", "-1");
        bad.put("huge", "99999999999999999999999");
        bad.put("invalid UTF-8", "%C3%28%FF");
        bad.put("long", "x".repeat(2000));
        bad.put("NUL", "a%00b");
        return bad;
    }

    private String path(String template, Map<String, String> override, String query) {
        String withoutQuery = QUERY_TEMPLATE.matcher(template).replaceAll("");
        Matcher m = VARIABLE.matcher(withoutQuery);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(2);
            String value = override.getOrDefault(variable, valid.getOrDefault(variable, "x"));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out + query;
    }

    /**
     * JSON of another type than the property's. Jackson, as Micronaut configures it, reads a single value as a
     * one-element list and a scalar as text, so a list of text gets an object and a list of objects gets text.
     */
    private static String wrongValue(Argument<?> property) {
        Class<?> type = property.getType();
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = property.getFirstTypeVariable().<Class<?>>map(Argument::getType).orElse(Object.class);
            return scalar(element) ? "{\"an\": \"object\"}" : "\"text\"";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "{\"an\": \"object\"}";
        }
        return scalar(type) ? "\"not a " + type.getSimpleName() + "\"" : "true";
    }

    private static boolean scalar(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || CharSequence.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
                || type == Boolean.class || java.time.temporal.Temporal.class.isAssignableFrom(type);
    }

    private static boolean isMultipart(UriRouteInfo<?, ?> route) {
        return route.getConsumes().stream().anyMatch(t -> t.getName().equals(MediaType.MULTIPART_FORM_DATA));
    }

    private static boolean json(UriRouteInfo<?, ?> route) {
        return route.getConsumes().isEmpty() || route.getConsumes().stream().anyMatch(t -> t.getName().equals(MediaType.APPLICATION_JSON));
    }

    private static String contentType(UriRouteInfo<?, ?> route) {
        if (json(route)) {
            return "application/json";
        }
        if (isMultipart(route)) {
            return "multipart/form-data; boundary=xyz";
        }
        return route.getConsumes().getFirst().getName();
    }

    private byte[] validBody(UriRouteInfo<?, ?> route) {
        if (route.getBodyArgument().isEmpty()) {
            return null;
        }
        if (isMultipart(route)) {
            return multipart(300);
        }
        return json(route) ? withField(properties(route.getBodyArgument().get()), null, null) : utf8("qid,question\n1,x\n");
    }

    /**
     * A plausible body (every field a value that would pass) with one field replaced by raw JSON, so that the
     * replaced field is what the route has to refuse.
     */
    private byte[] withField(Map<String, Argument<?>> properties, String field, String rawJson) {
        StringBuilder json = new StringBuilder("{");
        if (field != null) {
            json.append('"').append(field).append("\": ").append(rawJson);
        }
        for (Map.Entry<String, Argument<?>> p : properties.entrySet()) {
            Object value = plausible(p.getKey(), p.getValue().getType());
            if (p.getKey().equals(field) || value == null) {
                continue;
            }
            try {
                json.append(json.length() > 1 ? ", " : "").append('"').append(p.getKey()).append("\": ")
                        .append(JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return utf8(json.append('}').toString());
    }

    private Object plausible(String field, Class<?> type) {
        String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
        return switch (field) {
            case "statementId" -> Long.parseLong(valid.get("statementId"));
            case "vote" -> "agree";
            case "email" -> "sweep-" + unique + "@example.org";
            case "password" -> "correct horse battery";
            case "slug" -> "sweep-" + unique;
            case "text" -> "A statement from the sweep " + unique;
            case "xid", "signature", "xidSecret" -> null; // the conversation is anonymous
            default -> plausible(type);
        };
    }

    private static Object plausible(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "fine";
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return 100;
        }
        if (type == Double.class || type == double.class) {
            return 0.5;
        }
        return null;
    }

    /** The body's JSON properties and their types (records and beans Micronaut introspects; maps have none). */
    private static Map<String, Argument<?>> properties(Argument<?> body) {
        Map<String, Argument<?>> properties = new LinkedHashMap<>();
        if (Map.class.isAssignableFrom(body.getType())) {
            properties.put("country", Argument.STRING); // a map of answers: any key
            return properties;
        }
        if (Collection.class.isAssignableFrom(body.getType())) {
            return properties;
        }
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(body.getType());
        introspection.ifPresent(i -> {
            for (BeanProperty<?, ?> property : i.getBeanProperties()) {
                properties.put(property.getName(), property.asArgument());
            }
        });
        return properties;
    }

    private static byte[] invalidUtf8Json(Argument<?> body) {
        String field = properties(body).entrySet().stream().filter(e -> CharSequence.class.isAssignableFrom(e.getValue().getType()))
                .map(Map.Entry::getKey).findFirst().orElse("text");
        byte[] head = utf8("{\"" + field + "\": \"ab");
        byte[] tail = utf8("cd\"}");
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    private static byte[] hugeJson() {
        byte[] all = filled(HUGE_BODY);
        byte[] head = utf8("{\"text\": \"");
        System.arraycopy(head, 0, all, 0, head.length);
        all[all.length - 2] = '"';
        all[all.length - 1] = '}';
        return all;
    }

    private static byte[] multipart(int size) {
        byte[] all = filled(size);
        byte[] head = utf8("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n");
        byte[] tail = utf8("\r\n--xyz--\r\n");
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, all.length - tail.length, tail.length);
        return all;
    }

    private static byte[] filled(int size) {
        byte[] all = new byte[size];
        java.util.Arrays.fill(all, (byte) 'x');
        return all;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
