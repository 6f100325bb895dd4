package com.warroom.support.playbook;

/**
 * One suggested answer of the support playbook: the case it recognised, a title for support, the answer to send the
 * user in Indonesian and in English, and the internal next step (never sent to the user).
 */
public record Suggestion(String caseId, String title, String answerIndonesian, String answerEnglish, String nextStep) {
}
