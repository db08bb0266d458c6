package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** What the public publicity page shows: rounds under publicity and the bases on their list. */
@Service
public class PublicityNotices {

  /** One line of the list under publicity. */
  public record Entry(String orgName, String industryChain, String reviewer) {}

  /** One notice: the round, its period and how to object. */
  public record Notice(int year, LocalDate start, LocalDate lastDay, String objectionContact,
      List<Entry> entries) {}

  private final RoundService rounds;
  private final ApplicationService applications;

  public PublicityNotices(RoundService rounds, ApplicationService applications) {
    this.rounds = rounds;
    this.applications = applications;
  }

  public List<Notice> current() {
    return rounds.inStatus(RoundStatus.PUBLICITY).stream()
        .map(r -> new Notice(r.year(),
            r.publicityStart().atZone(AppClock.ZONE).toLocalDate(),
            r.publicityEnd().atZone(AppClock.ZONE).toLocalDate().minusDays(1),
            r.objectionContact(),
            applications.ofRound(r.year(), ApplicationStatus.PROPOSED).stream()
                .map(a -> new Entry(a.orgName(), IndustryChain.label(a.industryChain()),
                    OutcomeMails.reviewerName(a.reviewerGroup())))
                .toList()))
        .toList();
  }
}
