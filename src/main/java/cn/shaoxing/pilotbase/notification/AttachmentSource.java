package cn.shaoxing.pilotbase.notification;

import java.util.Optional;

/**
 * Reads the bytes of an attachment when its mail is sent (implemented by the documents capability).
 * Called by {@link MailDispatcher} outside any engine transaction and without a signed-in user.
 */
public interface AttachmentSource {

  /** An attachment as sent: file name, MIME type and content. */
  record Attachment(String fileName, String contentType, byte[] bytes) {}

  Optional<Attachment> attachment(String documentId);
}
