package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Log.log;
import static io.plumbline.benchmark.Statistics.round;
import static io.plumbline.benchmark.Statistics.seconds;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import io.plumbline.local.EventCounts;
import io.plumbline.local.LocalStack;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** A full rebuild: every read model dropped and the whole topic replayed into a fresh service. */
public final class RebuildPhase implements Phase {

  @Override
  public void run(Run run, StackClient client) throws Exception {
    LocalStack stack = client.stack();
    long events = EventCounts.stored(stack);
    stack.stopService("query-service", false);
    try (MongoClient mongo = MongoClients.create(stack.mongoUrl())) {
      mongo.getDatabase("plumbline-read").drop();
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
    run.results().put("rebuildEventsPerSecond", round(perSecond));
    run.results().put("rebuildSecondsIncludingStartup", round(seconds(start)));
    log(
        "rebuild: %d events in %.1f s after start-up, %.0f events/s"
            .formatted(events, seconds(ready), perSecond));
  }
}
