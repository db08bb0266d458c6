package cn.shaoxing.pilotbase.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an e-mail, kept as a UTF-8 template next to the class that sends it:
 * {@code <package of owner>/mails/<name>.txt} under {@code src/main/resources}. The first line is
 * {@code 主题：<subject>}, then an empty line, then the body; {@code {name}} is replaced by the value
 * given for it. A placeholder without a value is a programming error and fails loudly, so a
 * template edit that renames a placeholder is caught by the tests that send the mail.
 */
public record MailTemplate(String subject, String body) {

  private static final String SUBJECT = "主题：";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  /** Reads {@code name} next to {@code owner} and fills it with {@code values}. */
  public static MailTemplate render(Class<?> owner, String name, Map<String, ?> values) {
    String path = owner.getPackageName().replace('.', '/') + "/mails/" + name + ".txt";
    String text = CACHE.computeIfAbsent(path, MailTemplate::load);
    int end = text.indexOf('\n');
    if (!text.startsWith(SUBJECT) || end < 0) {
      throw new IllegalStateException("邮件模板 " + path + " 的第一行须为“主题：…”");
    }
    return new MailTemplate(fill(path, text.substring(SUBJECT.length(), end).strip(), values),
        fill(path, text.substring(end + 1).strip(), values));
  }

  private static String fill(String path, String template, Map<String, ?> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (!values.containsKey(m.group(1))) {
        throw new IllegalStateException("邮件模板 " + path + " 的占位符 {" + m.group(1) + "} 没有给值");
      }
      Object v = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String load(String path) {
    try (InputStream in = MailTemplate.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("没有邮件模板 " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
