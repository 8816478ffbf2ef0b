package io.plumbline.system;

import io.plumbline.embedded.FreePorts;
import io.plumbline.local.LocalStackConfig;
import java.nio.file.Path;
import java.util.List;

/** Stack configurations for tests: free ports, a given data directory, the freshly built jars. */
final class TestStacks {

  private TestStacks() {}

  static LocalStackConfig config(Path dataDir) {
    return new LocalStackConfig(
        dataDir,
        io.plumbline.embedded.Durability.PROCESS,
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        jar("plumbline.commandServiceJar"),
        jar("plumbline.queryServiceJar"),
        LocalStackConfig.DEFAULT_JVM_OPTIONS,
        List.of());
  }

  private static Path jar(String property) {
    String path = System.getProperty(property);
    if (path == null) {
      throw new IllegalStateException(
          "System property " + property + " is unset; run the tests through Maven");
    }
    return Path.of(path);
  }
}
