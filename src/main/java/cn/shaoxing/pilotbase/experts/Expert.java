package cn.shaoxing.pilotbase.experts;

import java.util.Arrays;
import java.util.List;

/** An expert in the pool; {@code userId} is the Camunda user the expert logs in with. */
public record Expert(
    String userId,
    String name,
    String organisation,
    String orgCreditCode,
    List<String> specialities,
    String email,
    String phone,
    boolean active) {

  public boolean covers(String industryChain) {
    return industryChain != null && specialities.contains(industryChain);
  }

  static List<String> splitSpecialities(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
