package com.warroom.idempotency;

import java.util.Map;

/** An HTTP answer as stored for replay: status, headers (without the request id) and body text. */
public record StoredResponse(int status, Map<String, String> headers, String body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
