package cn.shaoxing.pilotbase.evidence;

import java.util.List;

/**
 * One case as its domain sees it: its title, its slots, and who may read and upload now (the rules
 * of docs/evidence.md "Who may do what"). The bureau, the party committee and administrators read
 * every case without asking the case ({@link Viewer#readsEverything()}).
 */
public interface EvidenceCase {

  /** Shown on the page, e.g. the organisation's name. */
  String title();

  List<Slot> slots();

  /** Whether {@code viewer} may list and download the files (beyond bureau, party committee, admin). */
  boolean mayRead(Viewer viewer);

  /** Whether {@code viewer} may upload to {@code slot} now (its step is open). */
  boolean mayUpload(Viewer viewer, String slot);

  /** A closed case takes no uploads (409), whoever asks. */
  default boolean closed() {
    return false;
  }
}
