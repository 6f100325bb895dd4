package com.warroom.local.stack;

import com.warroom.topology.FunctionDef;

/**
 * A function whose handler cannot be found or created locally; the cause is what Lambda would report (the class not
 * found, the constructor's exception).
 */
public final class HandlerUnusable extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    HandlerUnusable(FunctionDef function, String problem, Throwable cause) {
        super("function " + function.name() + ": " + problem, cause);
    }
}
