package com.warroom.local.stack.sfn;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Issues the opaque task tokens of waiting tasks and tells, for a token sent back, which run issued it. Tokens
 * stay known after their task ends, so that a late or repeated answer gets TaskTimedOut as in AWS, not
 * TaskDoesNotExist.
 */
final class TaskTokens {

    private static final String PREFIX = "AQ";
    private static final int RANDOM_BYTES = 64;
    private static final Pattern FORMAT = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{86}");

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, WorkflowRun> issued = new ConcurrentHashMap<>();

    String issue(WorkflowRun run) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, run);
        return token;
    }

    void forgetAll() {
        issued.clear();
    }

    /** The run that issued the token; InvalidToken for a string that is no token, TaskDoesNotExist for one never issued. */
    WorkflowRun owner(String token) {
        if (!FORMAT.matcher(token).matches()) {
            throw new SfnError("InvalidToken", "Invalid Token: 'Invalid token'");
        }
        WorkflowRun run = issued.get(token);
        if (run == null) {
            throw new SfnError("TaskDoesNotExist", "Task does not exist: the token was not issued by this state machine runtime");
        }
        return run;
    }
}
