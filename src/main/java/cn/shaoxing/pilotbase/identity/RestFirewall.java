package cn.shaoxing.pilotbase.identity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which calls of Camunda's REST API (both {@code /engine-rest/**} and the webapps' own copy under
 * {@code /camunda/api/engine/engine/<name>/**}) a person who is not an administrator may make.
 *
 * <p>Engine authorizations decide what a person may read. Writes are different: several engine
 * operations do harm even when refused (a refused {@code POST /job/{id}/execute} still uses up a
 * retry), and others bypass the forms (setting variables, modifying an instance). So every write
 * that is not one of the few things a person does in Tasklist (query, claim, submit a form, start
 * a process through its form, comment, change one's own password) is an administrator's operation.
 * {@code complete} and {@code start} are not refused but rewritten to their form submission
 * counterparts, so that they run the same server-side form validation (docs/adr/0030-need-to-know.md).
 *
 * <p>Plain rules on strings: unit-tested without a server, applied by {@link RestFirewallFilter}.
 */
public final class RestFirewall {

  /** What happens to a call. */
  public enum Verdict {
    ALLOW,
    /** A write that only administrators make. */
    DENY,
    /** Whole-case data (instances, executions, variables, history, jobs) outside the bureau. */
    DENY_CASE_DATA,
    /** Allowed, but sent to {@link Decision#path()} instead (its form-submission counterpart). */
    REWRITE
  }

  /** A decision; {@code path} is the rewritten engine path for {@link Verdict#REWRITE}. */
  public record Decision(Verdict verdict, String path) {
    static final Decision ALLOW = new Decision(Verdict.ALLOW, null);
    static final Decision DENY = new Decision(Verdict.DENY, null);
    static final Decision DENY_CASE_DATA = new Decision(Verdict.DENY_CASE_DATA, null);
  }

  /** Who calls: administrators operate, the bureau reads whole cases, everybody else works on tasks. */
  public enum Caller {
    ADMINISTRATOR,
    BUREAU,
    PERSON
  }

  /**
   * Whole-case data. Engine authorizations alone are not enough here: whoever holds a task in an
   * instance may read that instance's variable history through these endpoints. People outside
   * the bureau get what their task needs from the task ({@code task/{id}/form-variables}).
   */
  private static final Pattern CASE_DATA = Pattern.compile(
      "(?:process-instance|execution|variable-instance|job|incident|external-task|history/(?:variable-instance"
          + "|detail|process-instance|activity-instance|identity-link-log|job-log|incident|external-task-log"
          + "|decision-instance|case-instance|case-activity-instance))(?:/.*)?");

  private static final String ID = "[^/]+";
  private static final String DEFINITION = "process-definition/(?:key/" + ID + "(?:/tenant-id/" + ID + ")?|" + ID + ")";

  /** Reads sent as POST (queries). */
  private static final List<Pattern> QUERIES = List.of(
      Pattern.compile("(?:task|process-instance|execution|variable-instance|job|incident|external-task)(?:/count)?"),
      Pattern.compile("history/(?!cleanup$)[a-z-]+(?:/count)?"),
      Pattern.compile("filter/" + ID + "/(?:list|count|singleResult)"));

  /** A person's own work. */
  private static final List<Pattern> PERSON_WRITES = List.of(
      // a person's own work on a task it holds or may claim (the engine checks that)
      Pattern.compile("task/" + ID + "/(?:claim|unclaim|submit-form)"),
      Pattern.compile("task/" + ID + "/comment/create"),
      Pattern.compile(DEFINITION + "/submit-form"),
      // one's own profile and password (the engine checks it is one's own)
      Pattern.compile("user/" + ID + "/(?:credentials|profile)"));

  private static final Pattern COMPLETE = Pattern.compile("(task/" + ID + ")/complete");
  private static final Pattern START = Pattern.compile("(" + DEFINITION + ")/start");

  private RestFirewall() {}

  /**
   * @param method HTTP method
   * @param path engine path without leading slash, e.g. {@code task/42/complete}
   * @param caller the caller's kind
   */
  public static Decision decide(String method, String path, Caller caller) {
    String p = trim(path);
    boolean read = isRead(method) || QUERIES.stream().anyMatch(x -> x.matcher(p).matches());
    if (read && caller == Caller.PERSON && CASE_DATA.matcher(p).matches()) {
      return Decision.DENY_CASE_DATA;
    }
    if (read) {
      return Decision.ALLOW;
    }
    Matcher m = COMPLETE.matcher(p);
    if (m.matches()) {
      // for everybody: a task's form decides what its completion may carry (sealed reviews too)
      return new Decision(Verdict.REWRITE, m.group(1) + "/submit-form");
    }
    if (caller == Caller.ADMINISTRATOR) {
      return Decision.ALLOW;
    }
    m = START.matcher(p);
    if (m.matches()) {
      return new Decision(Verdict.REWRITE, m.group(1) + "/submit-form");
    }
    return PERSON_WRITES.stream().anyMatch(x -> x.matcher(p).matches()) ? Decision.ALLOW : Decision.DENY;
  }

  /** The task id of a task form submission ({@code task/{id}/submit-form|complete}), or null. */
  public static String submittedTask(String path) {
    Matcher m = Pattern.compile("task/(" + ID + ")/(?:submit-form|complete)").matcher(trim(path));
    return m.matches() ? m.group(1) : null;
  }

  /** A claim ({@code task/{id}/claim}): allowed only for oneself, checked by the filter on the body. */
  public static boolean isClaim(String path) {
    return trim(path).matches("task/" + ID + "/claim");
  }

  static boolean isRead(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  private static String trim(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
