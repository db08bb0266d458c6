package cn.shaoxing.pilotbase.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The 补录工作日历 form's texts read into a year's calendar, checked by the API's rules. */
class CalendarTextTest {

  @Test
  void linesAndRangesBecomeDays() {
    var r = CalendarText.read(2027, " 国办发明电〔2026〕7号 ",
        "2027-01-01 元旦\r\n\n2027-02-06至2027-02-08 春节\n2027/4/5\u3000清明节\n2027-05-01~2027-05-02  劳动节",
        "2027-02-14 春节调休上班");
    assertThat(r.allProblems()).isEmpty();
    assertThat(r.calendar().source()).isEqualTo("国办发明电〔2026〕7号");
    assertThat(r.calendar().holidays()).extracting(YearCalendar.Day::date).containsExactly(
        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8),
        LocalDate.of(2027, 4, 5), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2));
    assertThat(r.calendar().holidays().get(2).label()).isEqualTo("春节");
    assertThat(r.calendar().workdays()).containsExactly(new YearCalendar.Day(LocalDate.of(2027, 2, 14), "春节调休上班"));
  }

  @Test
  void everythingWrongIsSaidInChinese() {
    var r = CalendarText.read(2027, "",
        "2027-02-29 春节\n春节\n2027-02-10至2027-02-01 春节\n2027-01-01至2027-03-01 太长\n2027-01-01\n2028-01-01 元旦",
        "2027-01-04 调休\n2027-01-01 元旦调休");
    assertThat(r.allProblems())
        .anyMatch(p -> p.contains("2027-02-29") && p.contains("不存在"))
        .anyMatch(p -> p.contains("第2行") && p.contains("格式不正确"))
        .anyMatch(p -> p.contains("结束日期早于开始日期"))
        .anyMatch(p -> p.contains("超过31天"))
        .anyMatch(p -> p.contains("2027-01-01 缺少名称"))
        .anyMatch(p -> p.contains("不属于2027年"))
        .anyMatch(p -> p.contains("调休上班日 2027-01-04 不是周末"))
        .anyMatch(p -> p.contains("不能既是节假日又是调休上班日"))
        .anyMatch(p -> p.contains("数据来源"));
  }
}
