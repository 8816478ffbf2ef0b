package io.plumbline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.events.slo.SloDefined;
import io.plumbline.events.slo.SloObjective;
import io.plumbline.events.slo.SloWindow;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checked-in payloads of every event revision must keep reading and writing the same. */
class EventSamplesTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  static Stream<Class<? extends PlumblineEvent>> eventTypes() {
    return EventTypes.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void sampleOfEveryEventTypeRoundTripsUnchanged(Class<? extends PlumblineEvent> type)
      throws IOException {
    byte[] sample = sample(type, EventTypes.revisionOf(type));

    PlumblineEvent event = EventJson.fromBytes(sample);

    assertThat(event).isInstanceOf(type);
    assertThat(event.eventId()).isNotBlank();
    assertThat(event.occurredAt()).isNotNull();
    assertThat(event.partitionKey()).isNotBlank();
    assertThat(PLAIN.readTree(EventJson.toBytes(event))).isEqualTo(PLAIN.readTree(sample));
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void everyEventTypeDeclaresItsRevision(Class<? extends PlumblineEvent> type) {
    assertThat(EventTypes.revisionOf(type)).matches("[1-9][0-9]*");
    assertThat(EventTypes.forName(EventTypes.nameOf(type))).contains(type);
  }

  @Test
  void teamEventsAreKeyedByTeamSoThatATeamsEventsStayOrdered() throws IOException {
    SloDefined slo = (SloDefined) EventJson.fromBytes(sample(SloDefined.class, "1"));

    assertThat(slo.partitionKey()).isEqualTo("checkout");
  }

  @Test
  void errorBudgetOf999PercentOverThirtyDaysIs43Point2Minutes() throws IOException {
    SloDefined slo = (SloDefined) EventJson.fromBytes(sample(SloDefined.class, "1"));

    assertThat(slo.errorBudgetMinutes())
        .hasValueSatisfying(
            minutes -> assertThat(minutes).isEqualByComparingTo(new BigDecimal("43.2")));
  }

  @Test
  void aStoredRevisionOneSloReadsAsRevisionTwoWithItsObjectiveAndWindow() throws IOException {
    byte[] v1 = sample(SloDefined.class, "1");

    SloDefined slo = (SloDefined) EventJson.fromBytes(v1);

    assertThat(slo.objectives()).containsExactly(new SloObjective(null, new BigDecimal("99.9")));
    assertThat(slo.window()).isEqualTo(new SloWindow("30d", false, null));
    assertThat(slo.eventId()).isEqualTo("evt-slo-1");
    // what a revision 1 reader saw is still there, derived
    assertThat(slo.objectivePercent()).isEqualByComparingTo("99.9");
    // and written again, it is written as revision 2
    assertThat(PLAIN.readTree(EventJson.toBytes(slo)).has("objectivePercent")).isFalse();
    assertThat(EventUpcasts.revisionOfShape(PLAIN.readTree(EventJson.toBytes(slo))))
        .isEqualTo(EventTypes.revisionOf(SloDefined.class));
  }

  @Test
  void theUpcastOfRevisionOneIsTheSameWhetherToldByRevisionOrByShape() throws IOException {
    ObjectNode v1 = (ObjectNode) PLAIN.readTree(sample(SloDefined.class, "1"));

    assertThat(EventUpcasts.revisionOfShape(v1)).isEqualTo("1");
    assertThat(EventUpcasts.upcast("SloDefined", "1", v1)).isEqualTo(EventUpcasts.toCurrent(v1));
    assertThat(v1.has("objectivePercent")).as("the input is left alone").isTrue();
  }

  @Test
  void anSloWithSeveralObjectivesAnswersToItsStrictest() throws IOException {
    SloDefined slo = (SloDefined) EventJson.fromBytes(sample(SloDefined.class, "2"));

    assertThat(slo.objectives())
        .extracting(SloObjective::name)
        .containsExactly("checkout succeeds", "checkout mostly succeeds");
    assertThat(slo.objectivePercent()).isEqualByComparingTo("99.9");
    // a calendar month is budgeted as 30 days
    assertThat(slo.errorBudgetMinutes())
        .hasValueSatisfying(
            minutes -> assertThat(minutes).isEqualByComparingTo(new BigDecimal("43.2")));
  }

  @Test
  void unknownEventTypeIsRejectedAsMalformed() {
    byte[] json = "{\"type\":\"SloInvented\",\"eventId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventJson.fromBytes(json))
        .isInstanceOf(EventJson.MalformedEventException.class)
        .hasMessageContaining("SloInvented");
  }

  @Test
  void fieldsAddedByALaterRevisionAreIgnoredByOlderReaders() {
    String json =
        "{\"type\":\"SloReviewed\",\"eventId\":\"e1\",\"teamId\":\"t\",\"sloId\":\"s\","
            + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"reviewer\":\"added-later\"}";

    PlumblineEvent event = EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8));

    assertThat(event.eventId()).isEqualTo("e1");
  }

  private static byte[] sample(Class<?> type, String revision) throws IOException {
    String path = "/samples/v" + revision + "/" + type.getSimpleName() + ".json";
    try (InputStream in = EventSamplesTest.class.getResourceAsStream(path)) {
      assertThat(in).as("sample %s", path).isNotNull();
      return in.readAllBytes();
    }
  }
}
