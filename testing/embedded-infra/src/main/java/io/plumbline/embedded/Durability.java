package io.plumbline.embedded;

/** How far a write to the embedded database must get before it is answered. */
public enum Durability {
  /**
   * H2's own behaviour: answered at once, written about a second later. A killed process loses the
   * writes of its last second, acknowledged or not. Only for the benchmark, to measure what
   * durability costs.
   */
  DELAYED,
  /** Written to the file: survives the death of any process, not a crash of the machine. */
  PROCESS,
  /** Written and forced to the disk ({@code fsync}): survives a power cut too. */
  MACHINE
}
