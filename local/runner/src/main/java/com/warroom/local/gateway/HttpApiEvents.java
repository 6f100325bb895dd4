package com.warroom.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Http;
import com.warroom.topology.RouteDef;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Builds the API Gateway HTTP API (payload 2.0) event for a request, as AWS fills it in after routing
 * and the JWT authorizer: lower-case headers plus the x-forwarded-* and trace headers it adds, repeated
 * headers and query parameters joined with commas, cookies in their own field, strictly decoded query and
 * path variables, text bodies as text and other bodies in base64.
 */
final class HttpApiEvents {

    static final String ACCOUNT_ID = "000000000000";
    static final String API_ID = "local";
    static final String STAGE = "$default";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int TRACE_ID_BYTES = 12;
    private static final Pattern TEXT_TYPE = Pattern.compile(
            "(text/.*|application/(json|xml|javascript|x-www-form-urlencoded)|.*\\+(json|xml))(;.*)?");

    private HttpApiEvents() {
    }

    static APIGatewayV2HTTPEvent of(GatewayRequest request, RouteMatch.Found match, Optional<Map<String, Object>> claims)
            throws MalformedRequest {
        RouteDef route = match.route();
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().keySet().stream().filter(name -> !name.equals("cookie"))
                .forEach(name -> headers.put(name, request.header(name).orElseThrow()));
        addForwardingHeaders(headers, request);
        String domainName = request.header("host").map(host -> host.replaceFirst(":\\d+$", "")).orElse("localhost");
        var http = Http.builder()
                .withMethod(request.method())
                .withPath(request.rawPath())
                .withProtocol(request.protocol())
                .withSourceIp(request.sourceIp())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        var context = RequestContext.builder()
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withDomainName(domainName)
                .withDomainPrefix(domainName.split("\\.", 2)[0])
                .withHttp(http)
                .withRequestId(request.requestId())
                .withRouteKey(route.routeKey())
                .withStage(STAGE)
                .withTime(TIME.format(request.receivedAt()))
                .withTimeEpoch(request.receivedAt().toEpochMilli());
        // the topology's routes name no authorization scopes, and then API Gateway passes scopes as null
        claims.ifPresent(c -> context.withAuthorizer(Authorizer.builder()
                .withJwt(Authorizer.JWT.builder().withClaims(ClaimText.flatten(c)).withScopes(null).build())
                .build()));
        Map<String, String> query = queryParameters(request.rawQuery());
        Map<String, String> pathParameters = pathParameters(match.rawPathParameters());
        List<String> cookies = cookies(request);
        var event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context.build());
        return withBody(event, request).build();
    }

    // API Gateway tells the function where the request came from, and starts an X-Ray trace unless one came with it
    private static void addForwardingHeaders(Map<String, String> headers, GatewayRequest request) {
        headers.merge("x-forwarded-for", request.sourceIp(), (forwarded, source) -> forwarded + ", " + source);
        headers.put("x-forwarded-port", Integer.toString(request.localPort()));
        headers.put("x-forwarded-proto", "http");
        headers.computeIfAbsent("x-amzn-trace-id", name -> "Root=1-"
                + String.format(Locale.ROOT, "%08x", request.receivedAt().getEpochSecond()) + "-" + randomHex(TRACE_ID_BYTES));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static Map<String, String> queryParameters(String rawQuery) throws MalformedRequest {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameValue = pair.split("=", 2);
            String name = PercentDecoding.decode(nameValue[0], true, "the query string");
            String value = nameValue.length == 2 ? PercentDecoding.decode(nameValue[1], true, "the query string") : "";
            query.merge(name, value, (first, next) -> first + "," + next);
        }
        return query;
    }

    private static Map<String, String> pathParameters(Map<String, String> raw) throws MalformedRequest {
        Map<String, String> decoded = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : raw.entrySet()) {
            // in a path, '+' is a plus sign, not a space
            decoded.put(variable.getKey(), PercentDecoding.decode(variable.getValue(), false, "the path"));
        }
        return decoded;
    }

    private static List<String> cookies(GatewayRequest request) {
        List<String> cookies = new ArrayList<>();
        for (String line : request.headers().getOrDefault("cookie", List.of())) {
            Arrays.stream(line.split(";")).map(String::trim).filter(c -> !c.isEmpty()).forEach(cookies::add);
        }
        return cookies;
    }

    private static APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder withBody(
            APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event, GatewayRequest request) throws MalformedRequest {
        if (request.body().length == 0) {
            return event.withIsBase64Encoded(false);
        }
        Optional<String> contentType = request.header("content-type").map(t -> t.toLowerCase(Locale.ROOT).replace(" ", ""));
        if (contentType.isEmpty() || !TEXT_TYPE.matcher(contentType.get()).matches()) {
            return event.withBody(Base64.getEncoder().encodeToString(request.body())).withIsBase64Encoded(true);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(request.body()))
                    .toString();
            return event.withBody(text).withIsBase64Encoded(false);
        } catch (CharacterCodingException e) {
            throw new MalformedRequest("the body is declared as " + contentType.get() + " but is not valid UTF-8");
        }
    }
}
