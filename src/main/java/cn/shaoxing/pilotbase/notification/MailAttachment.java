package cn.shaoxing.pilotbase.notification;

/** A stored document to attach to a mail, by reference (its bytes are read when the mail is sent). */
public record MailAttachment(String documentId, String title) {}
