package com.warroom.audit;

/** Where an admin action came from: the API request id and the caller's source IP. */
public record RequestOrigin(String requestId, String sourceIp) {
}
