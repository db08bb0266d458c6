package cn.shaoxing.pilotbase.progress;

import cn.shaoxing.pilotbase.documents.DocumentInfo;
import java.time.Instant;
import java.util.List;

/**
 * One case as its applicant (or base) or its district sees it on 办理进度: what it is, where it stands,
 * the steps done with their dates and the decisions told to the viewer, and what comes next.
 *
 * @param kind {@code application} (a designation application) or {@code evaluation} (a base in an
 *     evaluation cycle)
 * @param id the application id, or the evaluation's process instance id
 * @param documents the official documents of this case the viewer may read (filled for one case, not the list)
 */
public record CaseProgress(String kind, String id, String kindName, String title, int year, String reviewer,
    String status, String outcome, List<Done> done, List<Open> current, Open next, boolean withdrawable,
    List<DocumentInfo> documents) {

  /** A step done, when, by whom, and what was decided that the viewer may read. */
  public record Done(String step, String actor, Instant at, List<String> details) {}

  /** A step waiting (or the next stage of the round or cycle), who acts, and by when. */
  public record Open(String text, String actor, Instant due) {}

  /** The one line of the list: the case and what it waits for. */
  public record Summary(String kind, String id, String kindName, String title, int year, String reviewer,
      String status, String waitingFor, Instant due, boolean withdrawable) {}

  /** The same case with the documents the viewer may read. */
  public CaseProgress withDocuments(List<DocumentInfo> readable) {
    return new CaseProgress(kind, id, kindName, title, year, reviewer, status, outcome, done, current, next,
        withdrawable, List.copyOf(readable));
  }

  public Summary summary() {
    Open first = !current.isEmpty() ? current.get(0) : next;
    return new Summary(kind, id, kindName, title, year, reviewer, status,
        first == null ? "当前没有待办理的环节" : first.text(), first == null ? null : first.due(), withdrawable);
  }
}
