package io.plumbline.local;

import io.plumbline.embedded.Durability;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the local stack keeps its data, which ports it uses, which jars it runs, and how far a
 * write to its database must get before it is acknowledged.
 */
public record LocalStackConfig(
    Path dataDir,
    Durability durability,
    int mongoPort,
    int kafkaPort,
    int controllerPort,
    int commandPort,
    int queryPort,
    Path commandServiceJar,
    Path queryServiceJar,
    List<String> serviceJvmOptions,
    List<String> serviceArguments) {

  /** Small heaps and the serial collector: the stack runs on a 2-core laptop beside an IDE. */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of(
          "-Xmx256m",
          "-XX:+UseSerialGC",
          "-XX:MaxMetaspaceSize=192m",
          "-XX:ReservedCodeCacheSize=96m",
          "-Xss512k");

  public LocalStackConfig {
    java.util.Objects.requireNonNull(durability, "durability");
    serviceJvmOptions = List.copyOf(serviceJvmOptions);
    serviceArguments = List.copyOf(serviceArguments);
  }

  /** The same stack with another durability. */
  public LocalStackConfig withDurability(Durability other) {
    return new LocalStackConfig(
        dataDir,
        other,
        mongoPort,
        kafkaPort,
        controllerPort,
        commandPort,
        queryPort,
        commandServiceJar,
        queryServiceJar,
        serviceJvmOptions,
        serviceArguments);
  }

  /** The defaults of the README's start command, run from the repository root. */
  public static LocalStackConfig defaults() {
    return new LocalStackConfig(
        Path.of(".plumbline"),
        Durability.PROCESS,
        37017,
        9092,
        9093,
        8080,
        8081,
        Path.of("command-service/target/command-service-exec.jar"),
        Path.of("query-service/target/query-service-exec.jar"),
        DEFAULT_JVM_OPTIONS,
        List.of());
  }
}
