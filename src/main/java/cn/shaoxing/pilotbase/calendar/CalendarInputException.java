package cn.shaoxing.pilotbase.calendar;

import cn.shaoxing.pilotbase.platform.InvalidInputException;
import java.util.List;

/** Calendar data that cannot be saved; carries the Chinese reasons. */
public class CalendarInputException extends InvalidInputException {

  public CalendarInputException(List<String> problems) {
    super("CALENDAR_INVALID", problems);
  }
}
