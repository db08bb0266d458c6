package cn.shaoxing.pilotbase.experts;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one draw, as recorded in {@code exp_draw}: the seed, the ordered eligible pool
 * (user id and whether the expert's speciality matches), who was excluded and why, who was chosen.
 */
public record DrawResult(
    String drawId,
    long seed,
    List<PanelDraw.Candidate> eligiblePool,
    Map<String, String> excluded,
    List<String> chosen) {}
