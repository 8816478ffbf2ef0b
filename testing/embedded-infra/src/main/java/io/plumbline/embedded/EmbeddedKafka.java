package io.plumbline.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller roles), listening on
 * loopback. Its log directory survives a restart when it is not temporary.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final String CLUSTER_ID = "cGx1bWJsaW5lLWxvY2Fs";

  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  private EmbeddedKafka(Path logDir, int port, int controllerPort) {
    this.logDir = logDir;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** Formats the log directory if it is new and starts the broker. */
  public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
    EmbeddedKafka kafka = new EmbeddedKafka(logDir.toAbsolutePath(), port, controllerPort);
    kafka.start();
    return kafka;
  }

  public synchronized void start() {
    if (server != null) {
      return;
    }
    Properties config = config();
    format(config);
    server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    server.startup();
  }

  /** Stops the broker and waits for it; {@link #start()} brings it back with its data. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }

  private Properties config() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.resolve("data").toString());
    p.put("metadata.log.dir", logDir.resolve("metadata").toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    p.put("log.retention.hours", "-1");
    p.put("log.cleaner.enable", "false");
    return p;
  }

  private void format(Properties config) {
    try {
      Files.createDirectories(logDir);
      Path configFile = logDir.resolve("server.properties");
      try (var out = Files.newOutputStream(configFile)) {
        config.store(out, "Plumbline embedded broker");
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exit =
          StorageTool.execute(
              new String[] {
                "format", "-t", CLUSTER_ID, "-c", configFile.toString(), "--ignore-formatted"
              },
              new PrintStream(output, true, StandardCharsets.UTF_8));
      if (exit != 0) {
        throw new IllegalStateException(
            "Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
