package cn.shaoxing.pilotbase.experts;

/** The pool, after exclusions, holds fewer experts than the panel needs. */
public class NotEnoughExpertsException extends RuntimeException {

  public NotEnoughExpertsException(int wanted, int available) {
    super("专家库中符合回避要求的专家不足：需要 " + wanted + " 名，仅有 " + available + " 名");
  }
}
