package com.warroom.ledger.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.AccountStatement;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.StatementCursor;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/admin/ledger/accounts/{id}?limit=&cursor=}: the account's balances and its lines newest first,
 * {@code limit} (1 to 100, default 20) at a time; {@code nextCursor} in the answer continues the page. An account never
 * posted to is 404.
 */
final class AccountStatementAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/ledger/accounts/{id}";
    static final int DEFAULT_LIMIT = 20;
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1," + StatementCursor.MAX_LENGTH + "}");
    private static final String ID_RULE = "must be a ledger account name: a kind and 1 to 4 qualifiers joined by ':', "
            + "such as revenue:courses or psp_clearing:midtrans";
    private static final String CURSOR_RULE = "must be the nextCursor of a previous answer for this account, as it was given";

    private final Ledger ledger;

    AccountStatementAction(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("limit", "cursor"));
        Optional<AccountId> account = accountId(request.pathParameters().get("id"));
        if (account.isEmpty()) {
            params.reject("id", ID_RULE);
        }
        Optional<Long> limit = params.optionalLong("limit", 1, Ledger.MAX_STATEMENT_LINES);
        Optional<String> cursor = params.optionalMatching("cursor", CURSOR, CURSOR_RULE);
        if (cursor.isPresent() && account.isPresent() && StatementCursor.decode(cursor.get(), account.get()).isEmpty()) {
            params.reject("cursor", CURSOR_RULE);
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        AccountStatement statement = ledger.statement(account.get(), cursor, limit.map(Long::intValue).orElse(DEFAULT_LIMIT));
        if (statement.balances().isEmpty()) {
            return ApiResult.problem(Problem.notFound("ledger account " + account.get() + " has never been posted to"));
        }
        return ApiResult.ok(AccountStatementView.of(statement));
    }

    // API Gateway hands the path parameter decoded; a caller's tool may still send ':' as %3A. An account name holds
    // no '%', so decoding once is never ambiguous.
    private static Optional<AccountId> accountId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String name = id;
        if (id.indexOf('%') >= 0) {
            try {
                name = URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return AccountId.isValid(name) ? Optional.of(new AccountId(name)) : Optional.empty();
    }
}
