package cn.shaoxing.pilotbase.experts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The pure, reproducible part of the draw: given the eligible candidates and a seed, chooses the
 * panel. Candidates are ordered by user id, shuffled with {@code new Random(seed)}, then those whose
 * speciality matches the case's industry chain are moved to the front (stable), and the first
 * {@code size} are taken. Anyone holding the recorded seed and pool gets the same panel.
 */
public final class PanelDraw {

  /** An eligible expert and whether the speciality matches the case. */
  public record Candidate(String userId, boolean specialityMatch) {}

  private PanelDraw() {}

  public static List<String> choose(List<Candidate> eligible, long seed, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be positive");
    }
    if (eligible.size() < size) {
      throw new NotEnoughExpertsException(size, eligible.size());
    }
    List<Candidate> order = new ArrayList<>(eligible);
    order.sort(Comparator.comparing(Candidate::userId));
    java.util.Collections.shuffle(order, new Random(seed));
    order.sort(Comparator.comparing((Candidate c) -> !c.specialityMatch()));
    return order.subList(0, size).stream().map(Candidate::userId).toList();
  }
}
