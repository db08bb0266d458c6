package cn.shaoxing.pilotbase.platform;

import java.util.List;

/** Bad input to one of our API endpoints: answered with HTTP 400, a code and Chinese reasons. */
public class InvalidInputException extends RuntimeException {

  private final String code;
  private final List<String> problems;

  public InvalidInputException(String code, List<String> problems) {
    super(code + ": " + String.join("；", problems));
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  public String code() {
    return code;
  }

  public List<String> problems() {
    return problems;
  }
}
