package io.plumbline.query.team.web;

import io.plumbline.query.quarters.model.TeamQuarter;
import io.plumbline.query.quarters.store.PublicationStore;
import io.plumbline.query.reads.QuarterReads;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.rubric.model.Practice;
import io.plumbline.query.rubric.model.Quarter;
import io.plumbline.query.team.model.TeamCsvRow;
import io.plumbline.query.team.model.TeamListing;
import io.plumbline.query.team.model.TeamRow;
import io.plumbline.query.web.CsvDownload;
import io.plumbline.query.web.Filters;
import io.plumbline.service.openapi.Refusal;
import io.plumbline.service.security.CachedTokenIntrospector;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every team of a quarter, filtered and sorted, a page at a time or as one CSV. A team token sees
 * its own team's row only.
 */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Teams",
    description = "A team's levels and the reasons for them")
@RestController
@RequestMapping("/api/v1")
class TeamsController {

  private static final Set<String> READERS = Set.of("ROLE_READER", "ROLE_ADMIN", "ROLE_APPROVER");
  private static final Set<String> PRACTICES =
      Arrays.stream(Practice.values())
          .map(p -> p.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> FILTERS =
      Set.of("quarter", "group", "level", "practice", "practiceLevel", "tier", "restated", "sort");
  private static final Set<String> PAGED_FILTERS =
      java.util.stream.Stream.concat(
              FILTERS.stream(), java.util.stream.Stream.of("cursor", "limit"))
          .collect(Collectors.toUnmodifiableSet());

  private final PublicationStore quarters;
  private final QuarterReads reads;

  TeamsController(PublicationStore quarters, QuarterReads reads) {
    this.quarters = quarters;
    this.reads = reads;
  }

  /** A page of a quarter's teams, as evaluated at {@code asOf}. */
  record TeamsPage(
      String quarter, Instant asOf, int total, List<TeamRow> teams, String nextCursor) {}

  @Operation(
      summary =
          "Every team of a quarter with its levels, score and movement; filtered, sorted, paged",
      parameters = {
        @Parameter(
            name = "quarter",
            in = ParameterIn.QUERY,
            description = "e.g. 2026-Q3; the current quarter by default",
            schema = @Schema(type = "string")),
        @Parameter(
            name = "group",
            in = ParameterIn.QUERY,
            description = "a group id: its teams and its subgroups' teams, as the tree stood then",
            schema = @Schema(type = "string")),
        @Parameter(
            name = "level",
            in = ParameterIn.QUERY,
            description = "overall level",
            schema = @Schema(type = "integer", minimum = "0", maximum = "5")),
        @Parameter(
            name = "practice",
            in = ParameterIn.QUERY,
            description = "with practiceLevel",
            schema =
                @Schema(
                    type = "string",
                    allowableValues = {"slos", "postmortems", "runbooks", "toil"})),
        @Parameter(
            name = "practiceLevel",
            in = ParameterIn.QUERY,
            description = "the practice's level, with practice",
            schema = @Schema(type = "integer", minimum = "0", maximum = "5")),
        @Parameter(
            name = "tier",
            in = ParameterIn.QUERY,
            description = "teams with an active service of this tier",
            schema = @Schema(type = "integer", minimum = "1", maximum = "3")),
        @Parameter(
            name = "restated",
            in = ParameterIn.QUERY,
            description = "teams whose published figures were restated (or not)",
            schema = @Schema(type = "boolean")),
        @Parameter(
            name = "sort",
            in = ParameterIn.QUERY,
            description = "team (default), score, level or group; a leading '-' for descending",
            schema =
                @Schema(
                    type = "string",
                    allowableValues = {
                      "team", "-team", "score", "-score", "level", "-level", "group", "-group"
                    })),
        @Parameter(
            name = "cursor",
            in = ParameterIn.QUERY,
            description = "nextCursor of the page before",
            schema = @Schema(type = "string")),
        @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "rows per page",
            schema =
                @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
      })
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping("/teams")
  TeamsPage teams(
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters,
      Authentication caller) {
    Filters filters = new Filters(parameters, PAGED_FILTERS);
    Listing listing = listing(filters, caller);
    int limit =
        filters.integer("limit", 1, TeamListing.MAX_LIMIT).orElse(TeamListing.DEFAULT_LIMIT);
    TeamListing.Page page =
        TeamListing.page(listing.rows(), listing.sort(), filters.text("cursor"), limit);
    return new TeamsPage(
        listing.quarter().toString(), listing.asOf(), page.total(), page.rows(), page.nextCursor());
  }

  @Operation(
      summary = "The same teams as one CSV, a row each (same filters, no paging)",
      parameters = {
        @Parameter(name = "quarter", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "group", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "level", in = ParameterIn.QUERY, schema = @Schema(type = "integer")),
        @Parameter(name = "practice", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(
            name = "practiceLevel",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "integer")),
        @Parameter(name = "tier", in = ParameterIn.QUERY, schema = @Schema(type = "integer")),
        @Parameter(name = "restated", in = ParameterIn.QUERY, schema = @Schema(type = "boolean")),
        @Parameter(name = "sort", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
      })
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping(value = "/teams.csv", produces = "text/csv")
  CsvDownload<TeamCsvRow> csv(
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters,
      Authentication caller) {
    Listing listing = listing(new Filters(parameters, FILTERS), caller);
    return new CsvDownload<>(
        "plumbline-teams-" + listing.quarter(),
        TeamCsvRow.class,
        listing.rows().stream().map(row -> TeamCsvRow.of(listing.quarter(), row)).toList());
  }

  private record Listing(
      Quarter quarter, Instant asOf, List<TeamRow> rows, TeamListing.Sort sort) {}

  private Listing listing(Filters filters, Authentication caller) {
    QuarterReads.QuarterRead read = reads.read(filters, "quarter");
    Quarter quarter = read.quarter();
    Optional<String> group = filters.text("group");
    if (group.isPresent() && !read.tree().contains(group.get())) {
      throw RequestRefused.invalidFilter(
          "group", "There was no group '%s' in %s.".formatted(group.get(), quarter));
    }
    Optional<String> practice = filters.oneOf("practice", PRACTICES);
    Optional<Integer> practiceLevel = filters.integer("practiceLevel", 0, 5);
    if (practice.isPresent() != practiceLevel.isPresent()) {
      String missing = practice.isPresent() ? "practiceLevel" : "practice";
      throw RequestRefused.invalidFilter(
          missing, "practice and practiceLevel go together: give %s too.".formatted(missing));
    }
    TeamListing.Sort sort =
        TeamListing.Sort.parse(filters.oneOf("sort", TeamListing.Order.names()).orElse("team"));
    TeamListing.Criteria criteria =
        new TeamListing.Criteria(
            group,
            filters.integer("level", 0, 5),
            practice,
            practiceLevel,
            filters.integer("tier", 1, 3),
            filters.bool("restated"),
            ownTeamOnly(caller));
    Map<String, Integer> previous = new HashMap<>();
    quarters.liveRows(quarter.previous()).stream()
        .filter(TeamQuarter::active)
        .forEach(row -> previous.put(row.teamId(), row.overallLevel()));
    List<TeamRow> rows =
        TeamListing.rows(quarters.liveRows(quarter), previous, read.tree(), criteria, sort);
    return new Listing(quarter, read.asOf(), rows, sort);
  }

  /** A team token's own team; empty for readers and admins, who see every team. */
  private static Optional<String> ownTeamOnly(Authentication caller) {
    boolean reader =
        caller.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(READERS::contains);
    if (reader) {
      return Optional.empty();
    }
    String team =
        caller.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal
            ? principal.getAttribute(CachedTokenIntrospector.TEAM)
            : null;
    // a token without a team sees no team's row
    return Optional.of(team == null ? "" : team);
  }
}
