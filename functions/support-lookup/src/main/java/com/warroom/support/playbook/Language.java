package com.warroom.support.playbook;

/** The languages an answer is written in; the internal next step is read in English. */
enum Language {
    INDONESIAN,
    ENGLISH
}
