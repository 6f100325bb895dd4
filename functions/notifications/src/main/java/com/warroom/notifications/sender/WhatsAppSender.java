package com.warroom.notifications.sender;

/** A WhatsApp provider: sends one text message to a phone number in E.164 form ({@code +62...}). */
public interface WhatsAppSender {

    SendResult send(String phone, String text);
}
