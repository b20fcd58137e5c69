package dev.vigie.road;

import java.util.Collection;

/** How many domains are at each stage. */
public record StageCounts(int none, int monitoring, int quarantine, int reject) {
  public static StageCounts of(Collection<Stage> stages) {
    int[] n = new int[4];
    for (Stage s : stages) {
      n[s.ordinal()]++;
    }
    return new StageCounts(n[0], n[1], n[2], n[3]);
  }
}
