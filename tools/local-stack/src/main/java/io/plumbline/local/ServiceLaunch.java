package io.plumbline.local;

import io.plumbline.supervision.ExitWithParent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How one service of the stack is started: its jar, port and database, and the broker, admin token
 * and options the stack gives every service. It stays with the process, so that a service can be
 * started again exactly as it was started the first time.
 */
record ServiceLaunch(
    String name,
    Path jar,
    int port,
    String mongoUri,
    String kafkaBootstrapServers,
    String adminToken,
    LocalStackConfig config) {

  /** The child JVM's command line: this JVM's java, the configured options, the jar, settings. */
  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(config.serviceJvmOptions());
    // the child ends when this process ends, however it ends (kill -9 included)
    command.add("-D" + ExitWithParent.PROPERTY + "=" + ProcessHandle.current().pid());
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    // the embedded stack is for this machine: its services listen where its URLs point
    command.add("--server.address=127.0.0.1");
    command.add("--spring.data.mongodb.uri=" + mongoUri);
    command.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers);
    command.addAll(config.serviceArguments());
    return command;
  }

  /** Where the service's output goes, appended to across restarts. */
  Path logFile() {
    return config.dataDir().toAbsolutePath().resolve("logs").resolve(name + ".log");
  }
}
