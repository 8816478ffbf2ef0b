package io.plumbline.query.team.model;

import io.plumbline.query.org.model.GroupTree;
import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.refusal.RequestRefused;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every active team of a quarter that passes the filters, in the order asked for (ties by team id),
 * a page at a time. The cursor holds the last row's sort key, so a page follows on from where the
 * one before ended even when rows were added or changed between the two reads.
 */
public final class TeamListing {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private TeamListing() {}

  /** The filters of a listing, each optional. */
  public record Criteria(
      Optional<String> group,
      Optional<Integer> level,
      Optional<String> practice,
      Optional<Integer> practiceLevel,
      Optional<Integer> tier,
      Optional<Boolean> restated,
      Optional<String> team) {

    Predicate<TeamRow> predicate(GroupTree tree) {
      Predicate<TeamRow> all = row -> true;
      return all.and(row -> group.map(g -> tree.within(row.groupId(), g)).orElse(true))
          .and(row -> level.map(l -> row.overallLevel() == l).orElse(true))
          .and(
              row ->
                  practiceLevel
                      .map(l -> row.levels().getOrDefault(practice.orElseThrow(), 0).equals(l))
                      .orElse(true))
          .and(row -> tier.map(t -> row.serviceTiers().contains(t)).orElse(true))
          .and(row -> restated.map(r -> row.restated() == r).orElse(true))
          .and(row -> team.map(t -> row.teamId().equals(t)).orElse(true));
    }
  }

  /** What a listing is sorted by: a key, ascending or (with a leading '-') descending. */
  public enum Order {
    TEAM("team", row -> new Key(null, row.teamId())),
    SCORE("score", row -> new Key(row.score(), "")),
    LEVEL("level", row -> new Key(BigDecimal.valueOf(row.overallLevel()), "")),
    GROUP("group", row -> new Key(null, String.join("/", row.groupPath())));

    final String name;
    final Function<TeamRow, Key> key;

    Order(String name, Function<TeamRow, Key> key) {
      this.name = name;
      this.key = key;
    }

    public static java.util.Set<String> names() {
      java.util.Set<String> names = new java.util.TreeSet<>();
      for (Order order : values()) {
        names.add(order.name);
        names.add("-" + order.name);
      }
      return names;
    }
  }

  /** A row's place in an order: a number, then a text. */
  record Key(BigDecimal number, String text) implements Comparable<Key> {
    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::number, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::text);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  /** A sort as asked for: {@code score}, {@code -score}, … */
  public record Sort(Order order, boolean descending) {
    public static Sort parse(String value) {
      boolean descending = value.startsWith("-");
      String name = descending ? value.substring(1) : value;
      for (Order order : Order.values()) {
        if (order.name.equals(name)) {
          return new Sort(order, descending);
        }
      }
      throw new IllegalArgumentException(value);
    }

    String text() {
      return (descending ? "-" : "") + order.name;
    }

    Comparator<Position> comparator() {
      Comparator<Key> keys = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
      return Comparator.comparing(Position::key, keys).thenComparing(Position::teamId);
    }

    Position position(TeamRow row) {
      return new Position(order.key.apply(row), row.teamId());
    }
  }

  /** Where a row stands in a sort; a cursor is the position of the last row of a page. */
  record Position(Key key, String teamId) {

    String cursor(Sort sort) {
      String text =
          String.join(
              "\u0000",
              "1",
              sort.text(),
              key.number() == null ? "" : key.number().toPlainString(),
              key.text(),
              teamId);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Position of(String cursor, Sort sort) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                .split("\u0000", -1);
        if (parts.length == 5 && parts[0].equals("1") && parts[1].equals(sort.text())) {
          return new Position(
              new Key(parts[2].isEmpty() ? null : new BigDecimal(parts[2]), parts[3]), parts[4]);
        }
      } catch (IllegalArgumentException e) {
        // refused below
      }
      throw RequestRefused.invalidFilter(
          "cursor",
          "The cursor is not one this listing gave for sort=%s; start again without a cursor."
              .formatted(sort.text()));
    }
  }

  /** One page: how many teams pass the filters, this page's rows, the cursor for the next. */
  public record Page(int total, List<TeamRow> rows, String nextCursor) {}

  /** The rows of the active teams that pass, in order. */
  public static List<TeamRow> rows(
      List<TeamQuarter> quarter,
      Map<String, Integer> previousLevels,
      GroupTree tree,
      Criteria criteria,
      Sort sort) {
    Comparator<Position> order = sort.comparator();
    return quarter.stream()
        .filter(TeamQuarter::active)
        .map(row -> TeamRow.of(row, previousLevels.get(row.teamId()), tree))
        .filter(criteria.predicate(tree))
        .sorted((a, b) -> order.compare(sort.position(a), sort.position(b)))
        .toList();
  }

  public static Page page(List<TeamRow> rows, Sort sort, Optional<String> cursor, int limit) {
    Comparator<Position> order = sort.comparator();
    int from = 0;
    if (cursor.isPresent()) {
      Position after = Position.of(cursor.get(), sort);
      while (from < rows.size() && order.compare(sort.position(rows.get(from)), after) <= 0) {
        from++;
      }
    }
    int to = Math.min(rows.size(), from + limit);
    String next = to < rows.size() ? sort.position(rows.get(to - 1)).cursor(sort) : null;
    return new Page(rows.size(), rows.subList(from, to), next);
  }
}
