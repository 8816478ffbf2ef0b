package io.plumbline.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.plumbline.embedded.Durability;
import io.plumbline.local.EventCounts;
import io.plumbline.local.LocalStack;
import io.plumbline.local.LocalStackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The benchmark, {@code java -jar tools/benchmark/target/plumbline-benchmark-exec.jar}: starts the
 * embedded stack and measures, in one run, ingest throughput, freshness at a fixed load, a full
 * rebuild of the read models, read latency and peak memory, next to raw Kafka and MongoDB baselines
 * on the same broker and database. Writes JSON and Markdown.
 *
 * <p>Options: {@code --teams=10000 --events=1000000 --out=docs/benchmarks --fresh-seconds=20
 * --mixed-seconds=30 --database=h2|memory --clients=8 --durability-events=20000
 * --durability-rounds=3 --large-team-events=100000 --main-durability=process|delayed|machine
 * --phases=freshness,reads,mixed,replay,clock,imports,rebuild,large-team} (phases: which of the
 * phases after ingest run, all by default) (clients: concurrent CI jobs submitting during the
 * ingest run; database: the stand-in on disk, as the start command runs it, or in memory, as the
 * tests run it). The durability phase ingests the same load into fresh stacks whose database
 * acknowledges writes at each {@link Durability}, interleaved over several rounds, and reports the
 * medians: what durable acknowledgements cost.
 */
public final class Benchmark {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Map<String, String> options;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private LocalStack stack;
  private String token;

  private Benchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      }
    }
    new Benchmark(options).run();
    System.exit(0);
  }

  /** The phases after ingest to run: all unless {@code --phases=a,b,...} names some. */
  private boolean phase(String name) {
    String phases = options.get("phases");
    return phases == null || java.util.Arrays.asList(phases.split(",")).contains(name);
  }

  private int option(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
  }

  private void run() throws Exception {
    int teams = option("teams", 10_000);
    int events = option("events", 1_000_000);
    Path out = Path.of(options.getOrDefault("out", "docs/benchmarks"));
    Path data = Files.createTempDirectory("plumbline-benchmark-");
    LocalStackConfig d = LocalStackConfig.defaults();
    LocalStackConfig config =
        new LocalStackConfig(
            data,
            Durability.valueOf(
                options
                    .getOrDefault("main-durability", "process")
                    .toUpperCase(java.util.Locale.ROOT)),
            free(),
            free(),
            free(),
            free(),
            free(),
            d.commandServiceJar(),
            d.queryServiceJar(),
            LocalStackConfig.DEFAULT_JVM_OPTIONS,
            List.of(
                "--plumbline.ingest.requests-per-minute-per-token=100000000",
                // the clock phase makes the fleet's turn due; the query service looks often
                "--plumbline.rollups.clock-refresh-check=100ms"));
    String database = options.getOrDefault("database", "h2");
    if (option("durability-rounds", 3) > 0) {
      System.setProperty(LocalStack.DATABASE_PROPERTY, "h2");
      log("durability phase: fresh on-disk stacks, one per durability, interleaved");
      durabilityCost(config);
    }
    System.setProperty(LocalStack.DATABASE_PROPERTY, database);
    log("starting the embedded stack in " + data + " (database stand-in: " + database + ")");
    stack = LocalStack.start(config);
    token = stack.adminToken();
    try {
      results.put("machine", machine());
      results.put(
          "scale",
          Map.of(
              "teams",
              teams,
              "events",
              events,
              "database",
              database,
              "clients",
              option("clients", 8)));
      baselineKafka(200_000);
      baselineMongo(200_000);
      registerOrg(teams);
      double ingested = ingest(teams, events);
      results.put("ingestEventsPerSecond", round(ingested));
      if (phase("freshness")) {
        freshness(teams, option("fresh-seconds", 20));
      }
      awaitProjected(Duration.ofMinutes(30));
      awaitRollups(Duration.ofMinutes(60));
      if (phase("reads")) {
        reads(teams);
      }
      if (phase("mixed")) {
        mixedReads(teams, option("mixed-seconds", 30));
      }
      if (phase("replay")) {
        replay();
      }
      if (phase("clock")) {
        clockRefresh();
      }
      if (phase("imports")) {
        imports(option("import-teams", 100));
      }
      if (phase("rebuild")) {
        rebuild();
      }
      if (phase("large-team")) {
        // after the rebuild, whose figure would otherwise include one team's 100,000-event log
        largeTeam();
      }
      memory();
    } finally {
      stack.close();
    }
    write(out);
  }

  // ---- baselines ------------------------------------------------------------------------

  private void baselineKafka(int records) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("benchmark.baseline", 4, (short) 1))).all().get();
    }
    byte[] value = new byte[400];
    new Random(1).nextBytes(value);
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", stack.kafkaBootstrapServers(),
            "acks", "all",
            "linger.ms", "5",
            "enable.idempotence", "true");
    long start = System.nanoTime();
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>("benchmark.baseline", "team-" + (i % 1000), value));
      }
      producer.flush();
    }
    double perSecond = records / seconds(start);
    results.put("baselineKafkaProducerPerSecond", round(perSecond));
    log("raw Kafka producer: %.0f records/s".formatted(perSecond));
  }

  private void baselineMongo(int documents) {
    double perSecond = rawMongoInserts(documents);
    results.put("baselineMongoInsertManyPerSecond", round(perSecond));
    log("raw MongoDB insertMany: %.0f documents/s".formatted(perSecond));
  }

  private double rawMongoInserts(int documents) {
    try (MongoClient client = MongoClients.create(stack.mongoUrl())) {
      MongoCollection<Document> collection =
          client.getDatabase("benchmark").getCollection("baseline");
      String payload = "x".repeat(300);
      long start = System.nanoTime();
      for (int batch = 0; batch < documents / 1000; batch++) {
        List<Document> docs = new ArrayList<>(1000);
        for (int i = 0; i < 1000; i++) {
          docs.add(
              new Document("_id", batch * 1000 + i)
                  .append("teamId", "team-" + i)
                  .append("payload", payload));
        }
        collection.insertMany(docs);
      }
      double perSecond = documents / seconds(start);
      client.getDatabase("benchmark").drop();
      return perSecond;
    }
  }

  // ---- Plumbline ------------------------------------------------------------------------

  private void registerOrg(int teams) throws Exception {
    // the group first, on its own: the teams' batches go out in parallel and need it
    sendAll(
        List.of(
            event(
                "GroupDefined",
                "bench-g",
                "{\"groupId\":\"bench\",\"name\":\"Bench\"}",
                "2026-01-01T00:00:00Z")),
        1);
    List<String> events = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      events.add(
          event(
              "TeamRegistered",
              "bench-t" + t,
              "{\"teamId\":\"t%d\",\"name\":\"T%d\",\"groupId\":\"bench\"}".formatted(t, t),
              "2026-01-01T00:00:00Z"));
      events.add(
          event(
              "ServiceRegistered",
              "bench-s" + t,
              "{\"teamId\":\"t%d\",\"serviceId\":\"api\",\"name\":\"API\",\"tier\":1}".formatted(t),
              "2026-01-01T00:00:00Z"));
    }
    long start = System.nanoTime();
    int accepted = sendAll(events, 4);
    if (accepted != events.size()) {
      throw new IllegalStateException(
          "only %d of %d registration events were accepted".formatted(accepted, events.size()));
    }
    log("registered %d teams in %.1f s".formatted(teams, seconds(start)));
  }

  private double ingest(int teams, int count) throws Exception {
    return ingest(teams, count, "bench-m");
  }

  private double ingest(int teams, int count, String idPrefix) throws Exception {
    List<String> events = new ArrayList<>(count);
    String at = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    // as CI submits them: each team's events together, so a batch holds one or a few teams
    int perTeam = Math.max(1, count / teams);
    for (int i = 0; i < count; i++) {
      events.add(toil(idPrefix + i, "t" + (i / perTeam % teams), i % 100, at));
    }
    long start = System.nanoTime();
    int accepted = sendAll(events, option("clients", 8));
    double perSecond = accepted / seconds(start);
    log("ingest through the batch API: %d events, %.0f events/s".formatted(accepted, perSecond));
    return perSecond;
  }

  /**
   * The same ingest into fresh on-disk stacks, one per {@link Durability}, interleaved over rounds
   * so that the machine's drift touches each alike; medians per durability.
   */
  private void durabilityCost(LocalStackConfig base) throws Exception {
    int teams = 200;
    int events = option("durability-events", 20_000);
    int rounds = option("durability-rounds", 3);
    Map<Durability, List<Double>> runs = new java.util.EnumMap<>(Durability.class);
    Map<Durability, List<Double>> raw = new java.util.EnumMap<>(Durability.class);
    LocalStack main = stack;
    String mainToken = token;
    try {
      for (int round = 1; round <= rounds; round++) {
        for (Durability durability : Durability.values()) {
          Path data = Files.createTempDirectory("plumbline-durability-");
          stack = LocalStack.start(withFreePorts(base, data).withDurability(durability));
          token = stack.adminToken();
          try {
            raw.computeIfAbsent(durability, d -> new ArrayList<>())
                .add(round(rawMongoInserts(50_000)));
            registerOrg(teams);
            ingest(teams, events / 4, "warm-"); // a fresh JVM: let the JIT settle first
            double perSecond = ingest(teams, events, "bench-m");
            runs.computeIfAbsent(durability, d -> new ArrayList<>()).add(round(perSecond));
            log("durability %s, round %d: %.0f events/s".formatted(durability, round, perSecond));
          } finally {
            stack.close();
          }
        }
      }
    } finally {
      stack = main;
      token = mainToken;
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    runs.forEach(
        (durability, perSecond) ->
            figures.put(
                durability.name().toLowerCase(java.util.Locale.ROOT),
                Map.of(
                    "medianEventsPerSecond",
                    median(perSecond),
                    "runs",
                    perSecond,
                    "rawInsertManyMedianPerSecond",
                    median(raw.get(durability)))));
    figures.put("teams", teams);
    figures.put("events", events);
    results.put("durability", figures);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
  }

  private static LocalStackConfig withFreePorts(LocalStackConfig base, Path data) {
    return new LocalStackConfig(
        data,
        base.durability(),
        free(),
        free(),
        free(),
        free(),
        free(),
        base.commandServiceJar(),
        base.queryServiceJar(),
        base.serviceJvmOptions(),
        base.serviceArguments());
  }

  /**
   * Offers 1,000 events a second for a while, then reads each event's acceptance-to-projection
   * time.
   */
  private void freshness(int teams, int durationSeconds) throws Exception {
    awaitProjected(Duration.ofMinutes(30));
    Map<Double, Double> before = freshnessBuckets();
    long start = System.nanoTime();
    int n = offer(teams, durationSeconds, "fresh-");
    double offered = n / seconds(start);
    awaitProjected(Duration.ofMinutes(5));
    // the query service's own histogram of acceptance-to-projection times, over this phase only
    Map<Double, Double> after = freshnessBuckets();
    TreeMap<Double, Double> phase = new TreeMap<>();
    after.forEach((le, count) -> phase.put(le, count - before.getOrDefault(le, 0.0)));
    results.put("freshnessOfferedEventsPerSecond", round(offered));
    results.put("freshnessP50Millis", bucketPercentileMillis(phase, 50));
    results.put("freshnessP99Millis", bucketPercentileMillis(phase, 99));
    log(
        "freshness at %.0f events/s offered: p50 ≤ %d ms, p99 ≤ %d ms (%d events)"
            .formatted(
                offered, bucketPercentileMillis(phase, 50), bucketPercentileMillis(phase, 99), n));
  }

  /** Cumulative bucket counts of the freshness histogram, by upper bound in seconds. */
  private Map<Double, Double> freshnessBuckets() throws Exception {
    String page =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.queryUrl() + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + stack.adminToken())
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m =
        Pattern.compile(
                "^plumbline_projection_freshness_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(page);
    Map<Double, Double> buckets = new HashMap<>();
    while (m.find()) {
      double le =
          m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
      buckets.merge(le, Double.parseDouble(m.group(2)), Double::sum);
    }
    return buckets;
  }

  /** The upper bound, in ms, of the histogram bucket that holds the given percentile. */
  private static long bucketPercentileMillis(TreeMap<Double, Double> cumulative, int percentile) {
    double total = cumulative.lastEntry().getValue();
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= total * percentile / 100.0) {
        return Math.round(bucket.getKey() * 1000);
      }
    }
    return -1;
  }

  /**
   * CI's steady load: 1,000 events a second (ten batches of 100, ten teams each), dated a few
   * seconds ago, for the given time.
   *
   * @return how many events were offered
   */
  private int offer(int teams, int durationSeconds, String idPrefix) throws Exception {
    int perTick = 100;
    long tickNanos = 100_000_000L;
    long start = System.nanoTime();
    int n = 0;
    for (int tick = 0; tick < durationSeconds * 10; tick++) {
      List<String> batch = new ArrayList<>(perTick);
      String at = Instant.now().minusSeconds(5).toString();
      for (int i = 0; i < perTick; i++) {
        batch.add(toil(idPrefix + n, "t" + (n / 10 % teams), n % 100, at));
        n++;
      }
      post("/api/v1/events/batch", "{\"events\":[" + String.join(",", batch) + "]}");
      long sleep = start + (tick + 1) * tickNanos - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
    return n;
  }

  /** Leadership reads while CI submits: the read phase's requests during the offered load. */
  private void mixedReads(int teams, int durationSeconds) throws Exception {
    awaitProjected(Duration.ofMinutes(30));
    long start = System.nanoTime();
    var ingest =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return offer(teams, durationSeconds, "mixed-");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Random random = new Random(11);
    List<Long> rollup = new ArrayList<>();
    List<Long> team = new ArrayList<>();
    int failed = 0;
    while (!ingest.isDone()) {
      try {
        rollup.add(timedGet(stack.queryUrl() + "/api/v1/org/rollup"));
        team.add(
            timedGet(stack.queryUrl() + "/api/v1/teams/t" + random.nextInt(teams) + "/maturity"));
      } catch (IllegalStateException e) {
        failed++; // a read that did not answer 200: counted, and the phase goes on
      }
    }
    results.put("mixedReadsFailed", failed);
    int offered = ingest.join();
    double rate = offered / seconds(start);
    results.put("mixedOfferedEventsPerSecond", round(rate));
    Collections.sort(rollup);
    Collections.sort(team);
    results.put("mixedOrgRollupReadP99Millis", percentileMicros(rollup, 99));
    results.put("mixedTeamMaturityReadP99Millis", percentileMicros(team, 99));
    log(
        "mixed: %d events at %.0f events/s offered; %d reads (%d not 200): org rollup p99 %.1f ms, team maturity p99 %.1f ms"
            .formatted(
                offered,
                rate,
                rollup.size() + team.size(),
                failed,
                percentileMicros(rollup, 99),
                percentileMicros(team, 99)));
  }

  /**
   * Imports in the order tools export them: three years of weekly toil for two fresh sets of teams,
   * once with each team's events together (as CI submits them) and once interleaved in time order
   * (an export from a survey tool); same events, clients and batch size, so the two rates compare
   * the batch's grouping alone.
   */
  private void imports(int teams) throws Exception {
    double perTeam = importHistory("imp", teams, false);
    double interleaved = importHistory("imq", teams, true);
    results.put("importPerTeamBatchesEventsPerSecond", round(perTeam));
    results.put("importInterleavedEventsPerSecond", round(interleaved));
    results.put("importInterleavedShareOfPerTeam", Math.round(interleaved / perTeam * 100) / 100.0);
    log(
        "imports of %d teams × 3 years: per-team batches %.0f events/s, interleaved %.0f events/s (%.0f %%)"
            .formatted(teams, perTeam, interleaved, interleaved / perTeam * 100));
  }

  private double importHistory(String prefix, int teams, boolean interleaved) throws Exception {
    List<String> registrations = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      registrations.add(
          event(
              "TeamRegistered",
              prefix + "-reg-" + t,
              "{\"teamId\":\"%s-t%d\",\"name\":\"T%d\",\"groupId\":\"bench\"}"
                  .formatted(prefix, t, t),
              "2023-11-01T00:00:00Z"));
    }
    sendAll(registrations, 4);
    List<String> events = new ArrayList<>();
    Instant first = Instant.parse("2023-11-06T00:00:00Z");
    for (int week = 0; week < 156; week++) {
      Instant start = first.plus(Duration.ofDays(7L * week));
      Instant end = start.plus(Duration.ofDays(7));
      for (int t = 0; t < teams; t++) {
        events.add(
            event(
                "ToilMeasured",
                "%s-%d-w%d".formatted(prefix, t, week),
                "{\"teamId\":\"%s-t%d\",\"periodStart\":\"%s\",\"periodEnd\":\"%s\",\"toilHours\":%d,\"opsHours\":40}"
                    .formatted(prefix, t, start, end, (week + t) % 30),
                end.plusSeconds(3600).toString()));
      }
    }
    if (!interleaved) {
      // each team's three years together: team by team
      events.sort(Comparator.comparing(e -> e.substring(e.indexOf("\"teamId\""))));
    }
    long start = System.nanoTime();
    int accepted = sendAll(events, option("clients", 8));
    if (accepted != events.size()) {
      throw new IllegalStateException(
          "only %d of %d imported events were accepted".formatted(accepted, events.size()));
    }
    return accepted / seconds(start);
  }

  /**
   * An admin activates a rubric (the one in force under another version): every quarter of every
   * team is recomputed; the phase lasts until no team is left to recompute.
   */
  private void replay() throws Exception {
    awaitRollups(Duration.ofMinutes(60));
    HttpResponse<String> active =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.queryUrl() + "/api/v1/admin/rubric"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode rubric = JSON.readTree(active.body());
    String text =
        rubric.path("text").asText().replace(rubric.path("version").asText(), "benchmark-replay");
    long start = System.nanoTime();
    HttpResponse<String> activated =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.queryUrl() + "/api/v1/admin/rubric"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(text))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (activated.statusCode() != 202) {
      throw new IllegalStateException(
          "activating a rubric answered " + activated.statusCode() + ": " + activated.body());
    }
    int marked = JSON.readTree(activated.body()).path("teams").asInt();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
    while (count("plumbline-read", "dirty_teams") > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the replay did not finish within an hour");
      }
      Thread.sleep(200);
    }
    results.put("replaySeconds", round(seconds(start)));
    results.put("replayTeams", marked);
    log("replay: every quarter of %d teams recomputed in %.1f s".formatted(marked, seconds(start)));
  }

  /**
   * The hourly clock refresh, made due at once: every team's current and previous quarter is
   * recomputed (levels follow the clock with no new event); the phase lasts from the turn coming
   * due until no team is left to recompute.
   */
  private void clockRefresh() throws Exception {
    awaitRollups(Duration.ofMinutes(60));
    long start = System.nanoTime();
    try (MongoClient client = MongoClients.create(stack.mongoUrl())) {
      client
          .getDatabase("plumbline-read")
          .getCollection("fleet_turns")
          .updateOne(
              new Document("_id", "clock-refresh"),
              new Document("$set", new Document("nextAt", java.util.Date.from(Instant.EPOCH))));
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
    double marked = -1;
    while (marked < 0 || count("plumbline-read", "dirty_teams") > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the clock refresh did not finish within an hour");
      }
      if (marked < 0 && count("plumbline-read", "dirty_teams") > 0) {
        marked = seconds(start);
      }
      Thread.sleep(100);
    }
    results.put("clockRefreshSeconds", round(seconds(start)));
    results.put("clockRefreshMarkedAfterSeconds", round(marked));
    log(
        "clock refresh: every team's current and previous quarter recomputed in %.1f s (marked after %.1f s)"
            .formatted(seconds(start), marked));
  }

  private void reads(int teams) throws Exception {
    Random random = new Random(7);
    List<Long> rollup = new ArrayList<>();
    List<Long> team = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rollup.add(timedGet(stack.queryUrl() + "/api/v1/org/rollup"));
      team.add(
          timedGet(stack.queryUrl() + "/api/v1/teams/t" + random.nextInt(teams) + "/maturity"));
    }
    Collections.sort(rollup);
    Collections.sort(team);
    results.put("orgRollupReadP50Millis", percentileMicros(rollup, 50));
    results.put("orgRollupReadP99Millis", percentileMicros(rollup, 99));
    results.put("teamMaturityReadP50Millis", percentileMicros(team, 50));
    results.put("teamMaturityReadP99Millis", percentileMicros(team, 99));
    log(
        "reads: org rollup p50 %.1f / p99 %.1f ms; team maturity p50 %.1f / p99 %.1f ms"
            .formatted(
                percentileMicros(rollup, 50),
                percentileMicros(rollup, 99),
                percentileMicros(team, 50),
                percentileMicros(team, 99)));
  }

  /**
   * One team's long history, submitted in batches of 1,000 (one commit each), then the command
   * service restarts and the team takes its next write: once from its snapshot, once with the
   * snapshot removed so that the whole history is read. Another team's write goes first each time,
   * so that start-up costs are not counted.
   */
  private void largeTeam() throws Exception {
    int count = option("large-team-events", 100_000);
    if (count == 0) {
      return;
    }
    sendAll(
        List.of(
            event(
                "TeamRegistered",
                "bench-big",
                "{\"teamId\":\"big\",\"name\":\"Big\",\"groupId\":\"bench\"}",
                "2026-01-01T00:00:00Z")),
        1);
    String at = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    List<String> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(toil("big-" + i, "big", i % 100, at));
    }
    long start = System.nanoTime();
    int accepted = sendAll(events, 1, 1000);
    log("large team: %d events in batches of 1,000 in %.1f s".formatted(accepted, seconds(start)));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("events", accepted);
    figures.put("firstWriteAfterRestartWithSnapshotMillis", writeAfterRestart(false));
    figures.put("firstWriteAfterRestartWholeHistoryMillis", writeAfterRestart(true));
    results.put("largeTeam", figures);
    log("large team: first write after a restart %s".formatted(figures));
  }

  private double writeAfterRestart(boolean withoutSnapshot) throws Exception {
    stack.stopService("command-service", false);
    if (withoutSnapshot) {
      try (MongoClient client = MongoClients.create(stack.mongoUrl())) {
        client
            .getDatabase("plumbline")
            .getCollection("event_snapshots")
            .deleteOne(new Document("_id", "team:big"));
      }
    }
    stack.startService("command-service");
    String at = Instant.now().minusSeconds(5).toString();
    postEvent(toil("warm-" + System.nanoTime(), "t0", 1, at));
    long start = System.nanoTime();
    postEvent(toil("big-next-" + System.nanoTime(), "big", 1, at));
    return round((System.nanoTime() - start) / 1e6);
  }

  private void postEvent(String event) throws Exception {
    post("/api/v1/events", event, 202);
  }

  /** Drops every read model and replays the whole topic into a fresh query service. */
  private void rebuild() throws Exception {
    long events = EventCounts.stored(stack);
    stack.stopService("query-service", false);
    try (MongoClient client = MongoClients.create(stack.mongoUrl())) {
      client.getDatabase("plumbline-read").drop();
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      admin.deleteConsumerGroups(List.of("plumbline-query")).all().get();
    }
    long start = System.nanoTime();
    stack.startService("query-service");
    long ready = System.nanoTime();
    while (EventCounts.projected(stack) < events) {
      Thread.sleep(200);
    }
    double perSecond = events / seconds(ready);
    results.put("rebuildEventsPerSecond", round(perSecond));
    results.put("rebuildSecondsIncludingStartup", round(seconds(start)));
    log(
        "rebuild: %d events in %.1f s after start-up, %.0f events/s"
            .formatted(events, seconds(ready), perSecond));
  }

  private void memory() throws IOException {
    for (String service : List.of("command-service", "query-service")) {
      long kb = peakRssKb(stack.pid(service));
      results.put(service + "PeakRssMb", kb / 1024);
      log("%s peak RSS: %d MB".formatted(service, kb / 1024));
    }
  }

  // ---- helpers --------------------------------------------------------------------------

  private int sendAll(List<String> events, int threads) throws Exception {
    return sendAll(events, threads, 500);
  }

  private int sendAll(List<String> events, int threads, int batchSize) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger accepted = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < events.size(); from += batchSize) {
      List<String> batch = events.subList(from, Math.min(events.size(), from + batchSize));
      futures.add(
          pool.submit(
              () -> {
                JsonNode receipt =
                    post("/api/v1/events/batch", "{\"events\":[" + String.join(",", batch) + "]}");
                accepted.addAndGet(
                    receipt.path("accepted").asInt() + receipt.path("duplicates").asInt());
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    return accepted.get();
  }

  private JsonNode post(String path, String body) throws Exception {
    return post(path, body, 200);
  }

  private JsonNode post(String path, String body, int expectedStatus) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private long timedGet(String url) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long micros = (System.nanoTime() - start) / 1000;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return micros;
  }

  private void awaitProjected(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    long stored = EventCounts.stored(stack);
    while (EventCounts.projected(stack) < stored) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("projection did not catch up within " + timeout);
      }
      Thread.sleep(500);
    }
  }

  private void awaitRollups(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    long start = System.nanoTime();
    while (count("plumbline-read", "dirty_teams") > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("rollups did not settle within " + timeout);
      }
      Thread.sleep(500);
    }
    results.put("rollupsSettledSeconds", round(seconds(start)));
    log(
        "quarterly figures settled %.1f s after the projection caught up"
            .formatted(seconds(start)));
  }

  private long count(String database, String collection) {
    try (MongoClient client = MongoClients.create(stack.mongoUrl())) {
      return client.getDatabase(database).getCollection(collection).countDocuments();
    }
  }

  private static String toil(String id, String team, int hours, String at) {
    return event(
        "ToilMeasured",
        id,
        "{\"teamId\":\"%s\",\"periodStart\":\"2026-01-01T00:00:00Z\",\"periodEnd\":\"2026-02-01T00:00:00Z\",\"toilHours\":%d,\"opsHours\":100}"
            .formatted(team, hours),
        at);
  }

  private static String event(String type, String id, String fields, String at) {
    return "{\"type\":\"%s\",\"eventId\":\"%s\",\"occurredAt\":\"%s\",%s"
        .formatted(type, id, at, fields.substring(1));
  }

  private static long peakRssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static double percentileMicros(List<Long> sorted, int p) {
    return round(percentile(sorted, p) / 1000.0);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static int free() {
    return io.plumbline.embedded.FreePorts.next();
  }

  private static Map<String, Object> machine() {
    return Map.of(
        "cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"),
        "os", System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        "date", Instant.now().toString());
  }

  private static void log(String message) {
    System.out.println("[benchmark] " + message);
  }

  private void write(Path out) throws IOException {
    Files.createDirectories(out);
    double slowerBaseline =
        Math.min(
            ((Number) results.get("baselineKafkaProducerPerSecond")).doubleValue(),
            ((Number) results.get("baselineMongoInsertManyPerSecond")).doubleValue());
    double ingest = ((Number) results.get("ingestEventsPerSecond")).doubleValue();
    results.put("ingestRatioToSlowerBaseline", Math.round(ingest / slowerBaseline * 1000) / 1000.0);
    if (results.get("rebuildEventsPerSecond") instanceof Number rebuilt) {
      results.put(
          "rebuildRatioToSlowerBaseline",
          Math.round(rebuilt.doubleValue() / slowerBaseline * 1000) / 1000.0);
    }
    Files.writeString(out.resolve("latest.json"), JSON.writeValueAsString(results) + "\n");
    StringBuilder md = new StringBuilder("# Plumbline benchmark\n\n");
    md.append("Machine: ")
        .append(results.get("machine"))
        .append("  \nScale: ")
        .append(results.get("scale"))
        .append("\n\n");
    md.append("| figure | value | target | ratio to slower raw baseline |\n|---|---|---|---|\n");
    row(md, "raw Kafka producer (records/s)", "baselineKafkaProducerPerSecond", "baseline", null);
    row(
        md,
        "raw MongoDB insertMany (documents/s)",
        "baselineMongoInsertManyPerSecond",
        "baseline",
        null);
    row(
        md,
        "ingest through the batch API (events/s)",
        "ingestEventsPerSecond",
        "≥ 5,000 and ≥ 25 % of the slower baseline",
        "ingestRatioToSlowerBaseline");
    row(
        md,
        "freshness: load achieved when 1,000 events/s were offered (events/s)",
        "freshnessOfferedEventsPerSecond",
        "1,000",
        null);
    row(md, "freshness p50 at that load (ms)", "freshnessP50Millis", "", null);
    row(
        md,
        "freshness p99 at that load (ms)",
        "freshnessP99Millis",
        "≤ 1,000 at 1,000 events/s",
        null);
    row(
        md,
        "rebuild of all read models (events/s)",
        "rebuildEventsPerSecond",
        "≥ 20,000",
        "rebuildRatioToSlowerBaseline");
    row(md, "org rollup read p50 (ms)", "orgRollupReadP50Millis", "", null);
    row(md, "org rollup read p99 (ms)", "orgRollupReadP99Millis", "≤ 50", null);
    row(md, "team maturity read p50 (ms)", "teamMaturityReadP50Millis", "", null);
    row(md, "team maturity read p99 (ms)", "teamMaturityReadP99Millis", "≤ 50", null);
    row(
        md,
        "org rollup read p99 while CI submits 1,000/s (ms)",
        "mixedOrgRollupReadP99Millis",
        "≤ 50",
        null);
    row(
        md,
        "team maturity read p99 while CI submits 1,000/s (ms)",
        "mixedTeamMaturityReadP99Millis",
        "≤ 50",
        null);
    row(md, "rubric replay of every quarter of every team (s)", "replaySeconds", "≤ 60", null);
    row(
        md,
        "clock refresh of every team's current and previous quarter (s)",
        "clockRefreshSeconds",
        "≤ 10",
        null);
    row(
        md,
        "import, each team's events together (events/s)",
        "importPerTeamBatchesEventsPerSecond",
        "baseline",
        null);
    row(
        md,
        "import interleaved in time order (events/s)",
        "importInterleavedEventsPerSecond",
        "",
        null);
    row(
        md,
        "interleaved import ÷ per-team import",
        "importInterleavedShareOfPerTeam",
        "≥ 0.8",
        null);
    row(md, "command-service peak RSS (MB)", "command-servicePeakRssMb", "≤ 512", null);
    row(md, "query-service peak RSS (MB)", "query-servicePeakRssMb", "≤ 512", null);
    row(md, "quarterly figures settled after ingest (s)", "rollupsSettledSeconds", "", null);
    if (results.get("largeTeam") instanceof Map<?, ?> large) {
      md.append("\nOne team with ")
          .append(large.get("events"))
          .append(" events in commits of 1,000: its first write after a command-service restart")
          .append(" took ")
          .append(large.get("firstWriteAfterRestartWithSnapshotMillis"))
          .append(" ms from its snapshot and ")
          .append(large.get("firstWriteAfterRestartWholeHistoryMillis"))
          .append(" ms with the snapshot removed (the whole history read).\n");
    }
    if (results.get("durability") instanceof Map<?, ?> durability) {
      md.append("\nWhat durable acknowledgements cost: ")
          .append(durability.get("events"))
          .append(" events over ")
          .append(durability.get("teams"))
          .append(" teams into fresh on-disk stacks, median of the runs (events/s):\n\n")
          .append(
              "| database acknowledges a write | ingest median | runs | raw insertMany median"
                  + " (documents/s) |\n|---|---|---|---|\n");
      for (Durability d : Durability.values()) {
        if (durability.get(d.name().toLowerCase(java.util.Locale.ROOT)) instanceof Map<?, ?> f) {
          md.append("| ")
              .append(DURABILITY_LABELS.get(d))
              .append(" | ")
              .append(f.get("medianEventsPerSecond"))
              .append(" | ")
              .append(f.get("runs"))
              .append(" | ")
              .append(f.get("rawInsertManyMedianPerSecond"))
              .append(" |\n");
        }
      }
    }
    Files.writeString(out.resolve("latest.md"), md.toString());
    System.out.println(md);
  }

  private static final Map<Durability, String> DURABILITY_LABELS =
      Map.of(
          Durability.DELAYED, "at once, written within ~1 s (not durable: the old default)",
          Durability.PROCESS, "once in the file (survives any process's death; the default)",
          Durability.MACHINE, "once forced to the disk (fsync; survives a power cut)");

  private void row(StringBuilder md, String label, String key, String target, String ratioKey) {
    md.append("| ")
        .append(label)
        .append(" | ")
        .append(results.get(key))
        .append(" | ")
        .append(target)
        .append(" | ")
        .append(ratioKey == null ? "" : results.get(ratioKey))
        .append(" |\n");
  }
}
