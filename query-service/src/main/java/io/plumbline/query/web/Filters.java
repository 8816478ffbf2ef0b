package io.plumbline.query.web;

import io.plumbline.query.refusal.RequestRefused;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters of a listing, read by name: a filter the listing does not know, or a value it cannot
 * take, is refused with {@code 422 invalid-filter} naming it, never ignored.
 */
public final class Filters {

  private final Map<String, String> values;
  private final Set<String> known;

  /** The query's parameters, each given at most once and each one of {@code known}. */
  public Filters(org.springframework.util.MultiValueMap<String, String> given, Set<String> known) {
    this.values = new LinkedHashMap<>();
    this.known = Set.copyOf(known);
    given.forEach(
        (name, values) -> {
          if (!this.known.contains(name)) {
            throw RequestRefused.invalidFilter(
                name,
                "'%s' is not a filter here; the filters are %s."
                    .formatted(name, new TreeSet<>(known)));
          }
          if (values.size() > 1) {
            throw RequestRefused.invalidFilter(
                name, "%s is given %d times; give it once.".formatted(name, values.size()));
          }
          this.values.put(name, values.get(0));
        });
  }

  public Optional<String> text(String name) {
    String value = values.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  public Optional<Integer> integer(String name, int min, int max) {
    return text(name)
        .map(
            value -> {
              try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                  return number;
                }
              } catch (NumberFormatException e) {
                // refused below, in the API's words
              }
              throw RequestRefused.invalidFilter(
                  name,
                  "%s must be a whole number from %d to %d, not '%s'."
                      .formatted(name, min, max, value));
            });
  }

  public Optional<Boolean> bool(String name) {
    return text(name)
        .map(
            value ->
                switch (value) {
                  case "true" -> true;
                  case "false" -> false;
                  default ->
                      throw RequestRefused.invalidFilter(
                          name, "%s must be true or false, not '%s'.".formatted(name, value));
                });
  }

  public Optional<String> oneOf(String name, Set<String> allowed) {
    return text(name)
        .map(
            value -> {
              if (!allowed.contains(value)) {
                throw RequestRefused.invalidFilter(
                    name,
                    "%s must be one of %s, not '%s'."
                        .formatted(name, new TreeSet<>(allowed), value));
              }
              return value;
            });
  }
}
