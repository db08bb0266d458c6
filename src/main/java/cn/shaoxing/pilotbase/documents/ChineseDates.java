package cn.shaoxing.pilotbase.documents;

import java.time.LocalDate;

/** Dates as official documents write them: 二〇二六年十一月二十七日 (GB/T 9704 成文日期). */
public final class ChineseDates {

  private static final char[] DIGITS = {'〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'};

  private ChineseDates() {}

  public static String of(LocalDate date) {
    StringBuilder sb = new StringBuilder();
    for (char c : Integer.toString(date.getYear()).toCharArray()) {
      sb.append(DIGITS[c - '0']);
    }
    return sb.append('年').append(number(date.getMonthValue())).append('月')
        .append(number(date.getDayOfMonth())).append('日').toString();
  }

  /** 1..31 in words: 十, 十一, 二十, 二十七. */
  static String number(int n) {
    if (n < 10) {
      return String.valueOf(DIGITS[n]);
    }
    String tens = n / 10 == 1 ? "十" : DIGITS[n / 10] + "十";
    return n % 10 == 0 ? tens : tens + DIGITS[n % 10];
  }
}
