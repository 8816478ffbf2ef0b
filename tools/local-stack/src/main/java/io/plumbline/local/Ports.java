package io.plumbline.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Whether the ports the stack needs are free, and if not, which process holds them. */
public final class Ports {

  private Ports() {}

  /**
   * Refuses to go on when any of the named ports is taken (on any interface), naming each taken
   * port and, where the operating system tells, the process that holds it.
   */
  static void requireFree(Map<String, Integer> ports) {
    List<String> taken = new ArrayList<>();
    ports.forEach(
        (name, port) -> {
          if (!isFree(port)) {
            taken.add(
                "%s port %d is in use%s"
                    .formatted(name, port, holderOf(port).map(h -> " by " + h).orElse("")));
          }
        });
    if (!taken.isEmpty()) {
      throw new IllegalStateException(
          String.join("; ", taken)
              + ". Stop what holds it (an earlier Plumbline?) or choose other ports (--help).");
    }
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // as the servers bind: connections of a process that is gone (TIME_WAIT) do not count
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The process listening on a TCP port, read from Linux's /proc; empty elsewhere or unknown. */
  static Optional<String> holderOf(int port) {
    Map<String, Boolean> inodes = new LinkedHashMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          // sl local_address rem_address st ... inode (the tenth column); 0A is LISTEN
          if (f.length > 9 && f[1].contains(":") && "0A".equals(f[3])) {
            int local = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
            if (local == port) {
              inodes.put("socket:[" + f[9] + "]", true);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        if (holds(process, inodes)) {
          return Optional.of("pid " + process.getFileName() + " (" + commandLine(process) + ")");
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean holds(Path process, Map<String, Boolean> inodes) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          if (inodes.containsKey(Files.readSymbolicLink(fd).toString())) {
            return true;
          }
        } catch (IOException ignored) {
          // closed meanwhile
        }
      }
    } catch (IOException | SecurityException ignored) {
      // another user's process, or gone
    }
    return false;
  }

  private static String commandLine(Path process) {
    try {
      String line =
          new String(
                  Files.readAllBytes(process.resolve("cmdline")),
                  java.nio.charset.StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .trim();
      return line.length() > 160 ? line.substring(0, 160) + " …" : line;
    } catch (IOException e) {
      return "unknown command";
    }
  }
}
