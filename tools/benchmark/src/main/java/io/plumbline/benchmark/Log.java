package io.plumbline.benchmark;

/** The benchmark's progress lines on standard output, each marked as the benchmark's. */
public final class Log {

  private Log() {}

  public static void log(String message) {
    System.out.println("[benchmark] " + message);
  }
}
