package com.warroom.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.aws.Settings;
import com.warroom.json.Json;
import com.warroom.local.midtrans.SimulatedTransaction;
import com.warroom.secrets.SecretReader;
import com.warroom.topology.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for the webhook intake in runner tests (the real one lands from another branch): checks the notification's
 * signature with the local server key, as the intake does, and asks the Midtrans API it is pointed at for the status, as
 * the processor does; answers what it found, or 401 for a bad signature.
 */
public final class StandInMidtransWebhook implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final SecretReader secrets = SecretReader.fromEnvironment();
    private final String midtrans = Settings.require(Topology.MIDTRANS_API.baseUrlEnvVar());
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String key = secrets.read(Topology.MIDTRANS_SERVER_KEY);
        JsonNode notification = Json.readTree(event.getBody());
        String orderId = notification.path("order_id").asText();
        String expected = SimulatedTransaction.signature(orderId, notification.path("status_code").asText(),
                notification.path("gross_amount").asText(), key);
        if (!expected.equals(notification.path("signature_key").asText())) {
            return answer(401, Map.of("signature", "invalid"));
        }
        try {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(midtrans + "/v2/" + orderId + "/status"))
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("signature", "valid");
            body.put("getStatus", Map.of("httpStatus", status.statusCode(), "body", Json.readTree(status.body())));
            return answer(200, body);
        } catch (Exception e) {
            return answer(502, Map.of("error", e.toString()));
        }
    }

    private static APIGatewayV2HTTPResponse answer(int status, Map<String, Object> body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Json.write(body)).build();
    }
}
