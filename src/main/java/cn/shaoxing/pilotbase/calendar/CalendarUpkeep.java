package cn.shaoxing.pilotbase.calendar;

import cn.shaoxing.pilotbase.platform.PlatformCalls;
import static cn.shaoxing.pilotbase.calendar.CalendarVariables.CALENDAR_YEAR;

import cn.shaoxing.pilotbase.platform.NamedLocks;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar-upkeep process (补录工作日历): raised once per missing year by {@link
 * MissingCalendarWarning}, started by the bureau from Tasklist for any year, and storing the year's
 * holidays when the form is done ({@link CalendarUpkeepSteps}). Business key: the year.
 */
@Component
public class CalendarUpkeep {

  public static final String PROCESS = "calendar-upkeep";
  /** Message start event of the warning's start (the bureau's start is the none start with a form). */
  static final String MESSAGE_MISSING = "Message_CalendarMissing";
  /** Lock (pb_lock) under which a warning checks for an open upkeep of the year and starts one. */
  static final String START_LOCK = "calendar-upkeep-start";

  private static final Logger LOG = LoggerFactory.getLogger(CalendarUpkeep.class);

  private final CalendarRepository repository;
  private final WorkingDays workingDays;
  private final NamedLocks locks;
  private final ProcessEngine engine;

  public CalendarUpkeep(CalendarRepository repository, WorkingDays workingDays, NamedLocks locks,
      @Lazy ProcessEngine engine) {
    this.repository = repository;
    this.workingDays = workingDays;
    this.locks = locks;
    this.engine = engine;
  }

  /**
   * Starts the upkeep of {@code year} unless one is open already or the year was entered meanwhile
   * (on any node: under a database lock); returns whether it started one.
   */
  @Transactional
  public boolean raise(int year) {
    locks.lock(START_LOCK);
    if (repository.year(year).source() != null) {
      // entered meanwhile (on another node, whose cache this one does not share): read it, no warning
      workingDays.reload();
      return false;
    }
    if (!openUpkeeps(year).isEmpty()) {
      return false;
    }
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_MISSING)
        .processInstanceBusinessKey(String.valueOf(year))
        .setVariables(Map.of(CALENDAR_YEAR.name(), year))
        .correlateStartMessage();
    LOG.info("已为{}年发起“补录工作日历”任务（工作日历缺少该年官方节假日数据）", year);
    return true;
  }

  /** Upkeeps of {@code year} not yet done. */
  public List<ProcessInstance> openUpkeeps(int year) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(String.valueOf(year)).list();
  }

  /**
   * Stores the year entered in process instance {@code processInstanceId} (the form was checked
   * already; checked again here for variables changed behind the form, e.g. in Cockpit).
   */
  public void store(int year, String source, String holidays, String workdays, String processInstanceId) {
    CalendarText.Result read = CalendarText.read(year, source, holidays, workdays);
    List<String> problems = read.allProblems();
    if (!problems.isEmpty()) {
      throw new CalendarInputException(problems);
    }
    Authentication who = engine.getIdentityService().getCurrentAuthentication();
    String user = who == null || who.getUserId() == null ? "bureau" : who.getUserId();
    repository.replaceYear(read.calendar(), user);
    stored(year, processInstanceId, user);
    LOG.info("{}年工作日历已由{}录入（{}，节假日{}天，调休上班日{}天）", year, user, read.calendar().source(),
        read.calendar().holidays().size(), read.calendar().workdays().size());
  }

  /**
   * After a year was stored (by this process or the API): other open upkeeps of that year are done
   * with, and the working days are read again once the change is committed.
   */
  public void stored(int year, String exceptProcessInstanceId, String user) {
    // The platform's own clean-up, not limited by the caller's grants (the bureau may not delete instances).
    PlatformCalls.asPlatform(engine.getIdentityService(), () -> {
      for (ProcessInstance other : openUpkeeps(year)) {
        if (!other.getId().equals(exceptProcessInstanceId)) {
          engine.getRuntimeService().deleteProcessInstance(other.getId(),
              year + "年工作日历已由" + user + "录入", true, true);
        }
      }
    });
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          workingDays.reload();
        }
      });
    } else {
      workingDays.reload();
    }
  }
}
