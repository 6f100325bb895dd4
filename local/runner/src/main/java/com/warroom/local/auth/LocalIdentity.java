package com.warroom.local.auth;

/**
 * Who issues local dev tokens and for which client: the local stand-ins for the Cognito user pool's
 * issuer URL and app client id that API Gateway's JWT authorizer checks in AWS.
 */
public record LocalIdentity(String issuer, String clientId) {

    public static final LocalIdentity WARROOM_LOCAL = new LocalIdentity("warroom-local", "warroom-local-dev");
}
