package com.warroom.console;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.Dimension;

/** A console page test: the JVM's one ./warroom up, and browsers that are closed after each test. */
abstract class ConsoleBrowserTest {

    static RunningWarroom warroom;
    private final List<Browser> opened = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        warroom = RunningWarroom.shared();
    }

    /** A new browser window of {@code size}, signed in to nothing yet. */
    Browser newBrowser(Dimension size) {
        Browser browser = new Browser(warroom, size);
        opened.add(browser);
        return browser;
    }

    @AfterEach
    void closeBrowsers() {
        opened.forEach(Browser::close);
        opened.clear();
    }
}
