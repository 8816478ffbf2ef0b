package io.plumbline.events.slo;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An SLO's time window in OpenSLO's duration shorthand: a positive number and one of {@code m}
 * (minutes), {@code h}, {@code d}, {@code w}, {@code M} (months), {@code Q} (quarters), {@code Y}
 * (years). A rolling window moves with time; a calendar-aligned one ({@code 1M}, {@code 1Q}) starts
 * at calendar boundaries in its {@code timeZone} (an IANA name, or null for UTC).
 */
public record SloWindow(
    @NotNull
        @Pattern(
            regexp = DURATION,
            message = "must be a number followed by m, h, d, w, M, Q or Y, e.g. 28d or 1Q")
        String duration,
    @NotNull boolean calendarAligned,
    @Pattern(regexp = "^[A-Za-z0-9_+/-]{1,64}$", message = "must be an IANA time zone name")
        String timeZone) {

  /** OpenSLO's duration shorthand. */
  public static final String DURATION = "^[0-9]{1,6}[mhdwMQY]$";

  public static SloWindow rollingDays(int days) {
    return new SloWindow(days + "d", false, null);
  }

  /**
   * The window's length in minutes, months taken as 30 days, quarters as 90 and years as 365: the
   * nominal length a calendar window is judged and budgeted by.
   */
  public long nominalMinutes() {
    long n = Long.parseLong(duration.substring(0, duration.length() - 1));
    long minutesPerUnit =
        switch (duration.charAt(duration.length() - 1)) {
          case 'm' -> 1;
          case 'h' -> 60;
          case 'd' -> 24 * 60;
          case 'w' -> 7 * 24 * 60;
          case 'M' -> 30 * 24 * 60;
          case 'Q' -> 90 * 24 * 60;
          case 'Y' -> 365 * 24 * 60;
          default -> throw new IllegalStateException("not a duration: " + duration);
        };
    return n * minutesPerUnit;
  }
}
