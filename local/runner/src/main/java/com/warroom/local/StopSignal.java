package com.warroom.local;

/** What tells a running {@code up} to stop: Ctrl-C or SIGTERM for the process, a test's call in tests. */
@FunctionalInterface
public interface StopSignal {

    void await() throws InterruptedException;
}
