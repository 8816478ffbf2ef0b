package io.plumbline.query.campaigns.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.plumbline.query.campaigns.model.Campaign;
import io.plumbline.query.campaigns.model.CampaignProgress;
import io.plumbline.query.campaigns.store.CampaignProgressReader;
import io.plumbline.query.campaigns.store.CampaignStore;
import io.plumbline.query.refusal.RequestRefused;
import io.plumbline.query.web.Filters;
import io.plumbline.query.web.ReadParameters;
import io.plumbline.service.openapi.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leadership's campaigns: an admin sets them; readers follow their progress. */
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Campaigns",
    description = "Targets with a deadline, their progress and their frozen result")
@RestController
@RequestMapping("/api/v1")
class CampaignController {

  private final CampaignStore campaigns;
  private final CampaignProgressReader progress;
  private final ObjectMapper strict;
  private final java.time.Clock clock;

  CampaignController(
      CampaignStore campaigns,
      CampaignProgressReader progress,
      ObjectMapper json,
      java.time.Clock clock) {
    this.campaigns = campaigns;
    this.progress = progress;
    this.clock = clock;
    this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** A campaign as set, and whether its result is frozen. */
  record CampaignView(
      String campaignId,
      String name,
      String groupId,
      Integer tier,
      String practice,
      Integer level,
      String criterionId,
      String target,
      Instant deadline,
      Instant createdAt,
      boolean frozen) {
    static CampaignView of(Campaign c) {
      return new CampaignView(
          c.campaignId(),
          c.name(),
          c.groupId(),
          c.tier(),
          c.practice(),
          c.level(),
          c.criterionId(),
          c.target(),
          c.deadline(),
          c.createdAt(),
          c.result() != null);
    }
  }

  /** A campaign with its progress at an instant. */
  record CampaignStanding(CampaignView campaign, CampaignProgress progress) {}

  /** A campaign's progress week by week. */
  record CampaignPoints(String campaignId, List<CampaignProgress.Point> points) {}

  @Operation(
      summary = "Set a campaign (admin): a scope, a target and a deadline",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      schema = @Schema(implementation = Campaign.Spec.class))))
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "201",
      description = "A new campaign")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "200",
      description = "The campaign replaced (its frozen result, if any, is dropped)")
  @Refusal(status = 422, reasons = "invalid-campaign")
  @PutMapping(value = "/admin/campaigns/{campaignId}", consumes = "application/json")
  ResponseEntity<CampaignView> set(@PathVariable String campaignId, @RequestBody String body) {
    if (!campaignId.matches(io.plumbline.events.Ids.PATTERN)) {
      throw Campaign.Spec.invalid(
          "campaignId", "The campaign id " + io.plumbline.events.Ids.PATTERN_MESSAGE + ".");
    }
    boolean created = campaigns.set(campaignId, read(body));
    CampaignView view = CampaignView.of(campaigns.find(campaignId));
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view);
  }

  @Operation(summary = "Remove a campaign (admin)")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "204",
      description = "Removed")
  @Refusal(status = 404, reasons = "unknown-campaign")
  @DeleteMapping("/admin/campaigns/{campaignId}")
  ResponseEntity<Void> remove(@PathVariable String campaignId) {
    campaigns.find(campaignId);
    campaigns.remove(campaignId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Every campaign, by deadline")
  @GetMapping("/campaigns")
  List<CampaignView> all() {
    return campaigns.all().stream().map(CampaignView::of).toList();
  }

  @Operation(
      summary =
          "A campaign's progress at an instant (now by default): teams met, not met with their next"
              + " steps, at risk; after the deadline, the frozen result",
      parameters =
          @Parameter(
              name = "asOf",
              in = ParameterIn.QUERY,
              description = "an RFC 3339 instant",
              schema = @Schema(type = "string")))
  @Refusal(status = 404, reasons = "unknown-campaign")
  @Refusal(status = 422, reasons = "invalid-filter")
  @GetMapping("/campaigns/{campaignId}")
  CampaignStanding one(
      @PathVariable String campaignId,
      @Parameter(hidden = true) @RequestParam
          org.springframework.util.MultiValueMap<String, String> parameters) {
    Filters filters = new Filters(parameters, Set.of("asOf"));
    Optional<Instant> asOf = filters.text("asOf").map(this::instant);
    Campaign campaign = campaigns.find(campaignId);
    CampaignProgress standing = progress.progress(campaign, asOf);
    return new CampaignStanding(CampaignView.of(campaigns.find(campaignId)), standing);
  }

  @Operation(summary = "A campaign's share of teams that met the target, week by week")
  @Refusal(status = 404, reasons = "unknown-campaign")
  @GetMapping("/campaigns/{campaignId}/points")
  CampaignPoints points(@PathVariable String campaignId) {
    return new CampaignPoints(campaignId, progress.points(campaigns.find(campaignId)));
  }

  private Campaign.Spec read(String body) {
    try {
      Campaign.Spec spec = strict.readValue(body, Campaign.Spec.class);
      if (spec == null) {
        throw Campaign.Spec.invalid(null, "The body is a JSON object describing the campaign.");
      }
      return spec;
    } catch (UnrecognizedPropertyException e) {
      throw Campaign.Spec.invalid(
          e.getPropertyName(), "'%s' is not a field of a campaign.".formatted(e.getPropertyName()));
    } catch (InvalidFormatException e) {
      String field = field(e);
      throw Campaign.Spec.invalid(field, "%s has the wrong type or format.".formatted(field));
    } catch (JsonMappingException e) {
      String field = field(e);
      throw Campaign.Spec.invalid(field, "The campaign cannot be read at %s.".formatted(field));
    } catch (IOException e) {
      throw Campaign.Spec.invalid(null, "The body is not one JSON object.");
    }
  }

  private static String field(JsonMappingException e) {
    return e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
  }

  private Instant instant(String value) {
    try {
      return ReadParameters.pastInstant(value, "asOf", clock.instant());
    } catch (RequestRefused e) {
      throw RequestRefused.invalidFilter("asOf", e.getMessage());
    }
  }
}
