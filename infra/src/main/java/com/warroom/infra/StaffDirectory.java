package com.warroom.infra;

import com.warroom.http.Caller;
import com.warroom.topology.Role;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CfnUserPoolClient;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroup;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.constructs.Construct;

/**
 * Who may call Warroom: a Cognito user pool of staff (TOTP MFA required, no self sign-up, one group per
 * {@link Role}) and the platform's backend, which gets {@link Caller#SERVICE_SCOPE} through the
 * client-credentials flow. Staff sign in to the ops console through the hosted UI with the console's own client.
 */
public final class StaffDirectory extends Construct {

    /** What the directory needs from outside: where the staff sign-in returns to. */
    public record Props(List<String> staffCallbackUrls) {
        public Props {
            staffCallbackUrls = List.copyOf(staffCallbackUrls);
        }
    }

    private final UserPool pool;
    private final UserPoolClient staffClient;
    private final UserPoolClient backendClient;
    private final UserPoolClient consoleClient;
    private final UserPoolDomain domain;
    private String consoleUrl;

    public StaffDirectory(Construct scope, String id, Props props) {
        super(scope, id);
        pool = UserPool.Builder.create(this, "Pool")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .mfa(Mfa.REQUIRED)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(14)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireDigits(true)
                        .requireSymbols(true)
                        .tempPasswordValidity(Duration.days(3))
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                // these accounts move money: compromised-credential and risky sign-in checks are worth Plus's price
                .featurePlan(FeaturePlan.PLUS)
                .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (Role role : Role.values()) {
            UserPoolGroup.Builder.create(this, "Group" + ConstructIds.pascal(role.claimValue()))
                    .userPool(pool)
                    .groupName(role.claimValue())
                    .description("Warroom role " + role.claimValue())
                    .build();
        }
        domain = pool.addDomain("Domain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder()
                        // unique per account and stack, lower case as Cognito demands
                        .domainPrefix(Stack.of(this).getStackName().toLowerCase() + "-" + Stack.of(this).getAccount())
                        .build())
                .build());
        staffClient = pool.addClient("StaffClient", staffClientOptions(props));
        backendClient = pool.addClient("BackendClient", backendClientOptions(serviceScope()));
        // Cognito's default for an unset list would also allow user sign-in (SRP, custom auth) through this client
        ((CfnUserPoolClient) backendClient.getNode().getDefaultChild()).setExplicitAuthFlows(List.of("ALLOW_REFRESH_TOKEN_AUTH"));
        // the console's address is the CloudFront distribution's, which is built after the API that must accept this
        // client's tokens: the URL is filled in when the console is hosted (consoleSignInReturnsTo)
        List<String> consoleUrls = Lazy.list(() -> List.of(requireConsoleUrl()));
        consoleClient = pool.addClient("ConsoleClient", consoleClientOptions(consoleUrls));
        // the hosted UI is the console's only way in: no SRP or password sign-in through this client
        ((CfnUserPoolClient) consoleClient.getNode().getDefaultChild()).setExplicitAuthFlows(List.of("ALLOW_REFRESH_TOKEN_AUTH"));
    }

    /**
     * Where the hosted UI sends people back to after signing in to (or out of) the console, e.g.
     * {@code https://d111111abcdef8.cloudfront.net/console/}; set once, by the console's hosting.
     */
    public void consoleSignInReturnsTo(String url) {
        if (consoleUrl != null) {
            throw new IllegalStateException("the console's sign-in already returns to " + consoleUrl);
        }
        consoleUrl = url;
    }

    public UserPool pool() {
        return pool;
    }

    /** The staff's sign-in client: SRP or the hosted UI's authorization-code flow, no secret (it runs in a browser). */
    public UserPoolClient staffClient() {
        return staffClient;
    }

    /** The platform backend's client: client credentials with a secret, scope {@link Caller#SERVICE_SCOPE}. */
    public UserPoolClient backendClient() {
        return backendClient;
    }

    /**
     * The ops console's client: a public client (no secret, it runs in a browser) for the hosted UI's authorization
     * code flow, which the console runs with PKCE; scopes openid and email; back to the console's URL only.
     */
    public UserPoolClient consoleClient() {
        return consoleClient;
    }

    /** The hosted UI's domain (sign-in for the console) whose {@code /oauth2/token} endpoint also issues the backend's tokens. */
    public UserPoolDomain domain() {
        return domain;
    }

    private OAuthScope serviceScope() {
        String[] parts = Caller.SERVICE_SCOPE.split("/", 2);
        ResourceServerScope scope = ResourceServerScope.Builder.create()
                .scopeName(parts[1])
                .scopeDescription("Calls from the platform's own backend (role " + Role.SERVICE.claimValue() + ")")
                .build();
        UserPoolResourceServer server = pool.addResourceServer("ResourceServer", UserPoolResourceServerOptions.builder()
                .identifier(parts[0])
                .userPoolResourceServerName("Warroom API")
                .scopes(List.of(scope))
                .build());
        return OAuthScope.resourceServer(server, scope);
    }

    private static UserPoolClientOptions staffClientOptions(Props props) {
        return UserPoolClientOptions.builder()
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                        .callbackUrls(props.staffCallbackUrls())
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .accessTokenValidity(Duration.hours(1))
                .idTokenValidity(Duration.hours(1))
                // one shift; after that staff sign in again with MFA
                .refreshTokenValidity(Duration.hours(12))
                .build();
    }

    private String requireConsoleUrl() {
        if (consoleUrl == null) {
            throw new IllegalStateException("the console client has no callback URL: host the console (ConsoleHosting)"
                    + " or call consoleSignInReturnsTo");
        }
        return consoleUrl;
    }

    private static UserPoolClientOptions consoleClientOptions(List<String> consoleUrls) {
        return UserPoolClientOptions.builder()
                .generateSecret(false)
                .oAuth(OAuthSettings.builder()
                        // the code flow only: the implicit grant would put tokens in the address bar
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL))
                        .callbackUrls(consoleUrls)
                        .logoutUrls(consoleUrls)
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .accessTokenValidity(Duration.hours(1))
                .idTokenValidity(Duration.hours(1))
                // the console keeps only the access token and signs in again when it expires; an hour is Cognito's least
                .refreshTokenValidity(Duration.hours(1))
                .build();
    }

    private static UserPoolClientOptions backendClientOptions(OAuthScope serviceScope) {
        return UserPoolClientOptions.builder()
                .generateSecret(true)
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().clientCredentials(true).build())
                        .scopes(List.of(serviceScope))
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .accessTokenValidity(Duration.hours(1))
                .build();
    }
}
