package io.plumbline.benchmark.phases;

import static io.plumbline.benchmark.Log.log;

import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Each service's peak resident memory: the high-water mark Linux keeps for its process. */
public final class MemoryPhase implements Phase {

  @Override
  public void run(Run run, StackClient client) throws IOException {
    for (String service : List.of("command-service", "query-service")) {
      long kb = peakRssKb(client.stack().pid(service));
      run.results().put(service + "PeakRssMb", kb / 1024);
      log("%s peak RSS: %d MB".formatted(service, kb / 1024));
    }
  }

  private static long peakRssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
