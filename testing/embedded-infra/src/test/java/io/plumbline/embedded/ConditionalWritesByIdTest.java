package io.plumbline.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writes the read side fences by id — "replace unless a later generation stands", "remove the
 * mark unless it was marked again", "take the lease unless another replica holds it" — answer as
 * MongoDB answers them on every form of the stand-in, which looks the id up in its index rather
 * than reading the whole collection.
 */
class ConditionalWritesByIdTest {

  static Stream<Arguments> standIns(@TempDir Path dir) {
    return Stream.of(
        Arguments.of("in memory", (Supplier<EmbeddedMongo>) () -> EmbeddedMongo.inMemory(0)),
        Arguments.of(
            "on disk, durable",
            (Supplier<EmbeddedMongo>)
                () -> EmbeddedMongo.persistent(dir.resolve("p.mv"), 0, Durability.PROCESS)),
        Arguments.of(
            "on disk, delayed",
            (Supplier<EmbeddedMongo>)
                () -> EmbeddedMongo.persistent(dir.resolve("d.mv"), 0, Durability.DELAYED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("standIns")
  void conditionsBesideTheIdAreStillHeld(String name, Supplier<EmbeddedMongo> standIn) {
    try (EmbeddedMongo mongo = standIn.get();
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      MongoCollection<Document> rows = client.getDatabase("d").getCollection("rows");
      List<Document> documents = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        documents.add(new Document("_id", "t" + i).append("seq", i).append("generation", 2));
      }
      rows.insertMany(documents);

      // removed unless marked again
      assertThat(rows.deleteOne(and(eq("_id", "t3"), eq("seq", 4))).getDeletedCount()).isZero();
      assertThat(rows.deleteOne(new Document("_id", "t3").append("seq", 3)).getDeletedCount())
          .isEqualTo(1);
      // a lease: only where no one holds it
      assertThat(
              rows.updateOne(
                      and(eq("_id", "t4"), or(exists("claimedBy", false), eq("claimedBy", "a"))),
                      Updates.set("claimedBy", "a"))
                  .getModifiedCount())
          .isEqualTo(1);
      assertThat(
              rows.updateOne(
                      and(eq("_id", "t4"), or(exists("claimedBy", false), eq("claimedBy", "b"))),
                      Updates.set("claimedBy", "b"))
                  .getModifiedCount())
          .isZero();
      // a fenced replace: admitted over an older generation, refused over a later one
      ReplaceOptions upsert = new ReplaceOptions().upsert(true);
      rows.replaceOne(
          and(eq("_id", "t5"), lte("generation", 3)),
          new Document("_id", "t5").append("generation", 3),
          upsert);
      assertThat(rows.find(eq("_id", "t5")).first()).containsEntry("generation", 3);
      assertThatThrownBy(
              () ->
                  rows.replaceOne(
                      and(eq("_id", "t5"), lte("generation", 1)),
                      new Document("_id", "t5").append("generation", 1),
                      upsert))
          .isInstanceOf(MongoWriteException.class)
          .hasMessageContaining("duplicate key");
      assertThat(rows.find(eq("_id", "t5")).first()).containsEntry("generation", 3);
      // a new id is inserted by the same fenced replace
      rows.replaceOne(
          and(eq("_id", "new"), lte("generation", 3)),
          new Document("_id", "new").append("generation", 3),
          upsert);
      // reads with conditions beside the id
      assertThat(rows.find(and(eq("_id", "t6"), gt("seq", 5))).first()).containsEntry("seq", 6);
      assertThat(rows.find(and(eq("_id", "t6"), gt("seq", 6))).first()).isNull();
      // several ids, and conditions the index cannot answer, beside other conditions
      rows.updateMany(
          and(in("_id", List.of("t7", "t8", "t9")), exists("claimedBy", false)),
          Updates.set("claimedBy", "c"));
      assertThat(rows.find(and(in("_id", List.of("t7", "t8", "t4")), eq("claimedBy", "c"))))
          .extracting(d -> d.getString("_id"))
          .containsExactlyInAnyOrder("t7", "t8");
      assertThat(rows.find(and(gt("_id", "t8"), eq("claimedBy", "c"))))
          .extracting(d -> d.getString("_id"))
          .containsExactly("t9");
      assertThat(rows.countDocuments()).isEqualTo(50);
    }
  }

  @Test
  void collectionsReopenedFromTheFileFindTheirIdsToo(@TempDir Path dir) {
    Path file = dir.resolve("mongo.mv");
    try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0, Durability.PROCESS);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      client
          .getDatabase("d")
          .getCollection("marks")
          .insertOne(new Document("_id", "t1").append("seq", 1));
    }
    try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0, Durability.PROCESS);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      MongoCollection<Document> marks = client.getDatabase("d").getCollection("marks");
      assertThat(marks.deleteOne(and(eq("_id", "t1"), eq("seq", 2))).getDeletedCount()).isZero();
      assertThat(marks.deleteOne(and(eq("_id", "t1"), eq("seq", 1))).getDeletedCount())
          .isEqualTo(1);
      assertThat(marks.countDocuments()).isZero();
    }
  }

  @Test
  void theIdConditionIsFoundAtTheTopOrInAnAnd() {
    assertThat(IdLookup.named(doc("_id", "t1", "seq", 3))).isEqualTo("t1");
    assertThat(
            IdLookup.named(
                doc("$and", List.of(doc("_id", "t2"), doc("seq", doc("$gt", 1))), null, null)))
        .isEqualTo("t2");
    assertThat(IdLookup.named(doc("seq", 3))).isNull();
  }

  private static de.bwaldvogel.mongo.bson.Document doc(String k1, Object v1) {
    return doc(k1, v1, null, null);
  }

  private static de.bwaldvogel.mongo.bson.Document doc(String k1, Object v1, String k2, Object v2) {
    var d = new de.bwaldvogel.mongo.bson.Document(k1, v1);
    if (k2 != null) {
      d.append(k2, v2);
    }
    return d;
  }
}
