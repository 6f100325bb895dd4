package com.warroom.local.gateway;

import com.warroom.console.ConsolePolicy;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.json.Json;
import com.warroom.local.auth.TokenMint;
import com.warroom.topology.Role;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The ops console as the local runner serves it, on the API's own origin: the files of {@code console/app} under
 * {@code /console/}, its {@code config.json} (local sign-in, API on the same origin), and {@code POST /local/sign-in},
 * the loopback-only sign-in that mints the same dev token as {@code ./warroom token}. In AWS the console is served by
 * CloudFront and people sign in with Cognito; none of this exists there.
 */
public final class ConsoleSite extends Handler.Wrapper {

    public static final String PATH = "/console";
    static final String SIGN_IN = "/local/sign-in";
    /** The console's Content-Security-Policy: its own scripts only, no inline ones, the API on the same origin. */
    static final String CSP = ConsolePolicy.contentSecurityPolicy(null, null);
    private static final Pattern SUB = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final List<Role> SIGN_IN_ROLES = List.of(Role.OPS, Role.SUPER_ADMIN, Role.FINANCE, Role.REVIEWER, Role.SUPPORT);
    private static final Duration TOKEN_TTL = Duration.ofHours(12);
    private static final int MAX_SIGN_IN_BYTES = 4096;

    private final Optional<TokenMint> mint;
    private final boolean filesFound;

    private ConsoleSite(Handler files, Optional<TokenMint> mint, boolean filesFound) {
        super(files);
        this.mint = mint;
        this.filesFound = filesFound;
    }

    /** Serves {@code appDir} (the repository's {@code console/app}), when there is one, and signs people in with {@code mint}. */
    public static ConsoleSite of(Optional<Path> appDir, TokenMint mint) {
        ContextHandler context = new ContextHandler(PATH);
        ResourceHandler files = new ResourceHandler();
        appDir.ifPresent(dir -> files.setBaseResource(ResourceFactory.of(context).newResource(dir)));
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of("index.html"));
        context.setHandler(files);
        return new ConsoleSite(context, Optional.of(mint), appDir.isPresent());
    }

    /** No console: every request goes on to the API. */
    public static ConsoleSite none() {
        return new ConsoleSite(new ContextHandler(PATH), Optional.empty(), false);
    }

    /** The nearest {@code console/app} with an {@code index.html} at or above {@code dir}. */
    public static Optional<Path> find(Path dir) {
        for (Path at = dir.toAbsolutePath(); at != null; at = at.getParent()) {
            Path app = at.resolve("console").resolve("app");
            if (Files.isRegularFile(app.resolve("index.html"))) {
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (mint.isEmpty()) {
            return false;
        }
        String path = Request.getPathInContext(request);
        if (path.equals(SIGN_IN)) {
            signIn(request, response, callback);
            return true;
        }
        if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
            return false;
        }
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            answer(response, callback, 405, problem(Problem.methodNotAllowed("the console's files are only read (GET)")));
            return true;
        }
        if (path.equals(PATH)) {
            response.setStatus(HttpStatus.MOVED_PERMANENTLY_301);
            response.getHeaders().put(HttpHeader.LOCATION, PATH + "/");
            callback.succeeded();
            return true;
        }
        securityHeaders(response);
        if (path.equals(PATH + "/config.json")) {
            answer(response, callback, 200, Json.write(Map.of("auth", "local", "apiUrl", "")), "application/json");
            return true;
        }
        if (!filesFound) {
            answer(response, callback, 404, problem(Problem.notFound(
                    "the console's files (console/app) were not found at or above the folder ./warroom up runs in")));
            return true;
        }
        // folders are never listed; only the console's own root has an index
        if (path.endsWith("/") && !path.equals(PATH + "/")) {
            answer(response, callback, 404, problem(Problem.notFound("no console file " + path)));
            return true;
        }
        if (super.handle(request, response, callback)) {
            return true;
        }
        answer(response, callback, 404, problem(Problem.notFound("no console file " + path)));
        return true;
    }

    private static void securityHeaders(Response response) {
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("Cache-Control", "no-cache");
    }

    // {"sub","role"} -> {"token"}: the runner binds loopback only, so only this machine's people can ask
    private void signIn(Request request, Response response, Callback callback) throws Exception {
        if (!request.getMethod().equals("POST")) {
            answer(response, callback, 405, problem(Problem.methodNotAllowed("sign in with POST")));
            return;
        }
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        List<FieldError> errors = new ArrayList<>();
        String sub = null;
        Role role = null;
        if (body.length() > MAX_SIGN_IN_BYTES) {
            errors.add(new FieldError("body", "is over " + MAX_SIGN_IN_BYTES + " bytes"));
        } else {
            var json = readObject(body);
            if (json == null) {
                errors.add(new FieldError("body", "must be a JSON object {\"sub\",\"role\"}"));
            } else {
                sub = json.path("sub").isTextual() ? json.path("sub").asText().strip() : null;
                if (sub == null || !SUB.matcher(sub).matches()) {
                    errors.add(new FieldError("sub", "must be 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
                }
                String roleText = json.path("role").isTextual() ? json.path("role").asText() : null;
                role = SIGN_IN_ROLES.stream().filter(r -> r.claimValue().equals(roleText)).findFirst().orElse(null);
                if (role == null) {
                    errors.add(new FieldError("role", "must be one of " + SIGN_IN_ROLES.stream().map(Role::claimValue).toList()));
                }
            }
        }
        if (!errors.isEmpty()) {
            answer(response, callback, 400, problem(Problem.validation(errors)));
            return;
        }
        String token = mint.get().mint(new TokenMint.DevToken(sub, sub + "@warroom.local", new LinkedHashSet<>(List.of(role)), TOKEN_TTL));
        response.getHeaders().put("Cache-Control", "no-store");
        answer(response, callback, 200, Json.write(Map.of("token", token, "sub", sub, "role", role.claimValue())), "application/json");
    }

    private static com.fasterxml.jackson.databind.JsonNode readObject(String body) {
        try {
            var node = Json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String problem(Problem problem) {
        return Json.write(problem);
    }

    private static void answer(Response response, Callback callback, int status, String json) {
        answer(response, callback, status, json, "application/problem+json");
    }

    private static void answer(Response response, Callback callback, int status, String json, String type) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
