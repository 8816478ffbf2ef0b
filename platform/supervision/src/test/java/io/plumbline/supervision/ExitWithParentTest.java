package io.plumbline.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExitWithParentTest {

  @Test
  void aChildEndsWithinSecondsOfItsParentBeingKilledWithSigkill() throws Exception {
    Process parent = java(Parent.class.getName());
    long childPid;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      childPid = Long.parseLong(out.readLine().trim());
      ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
      assertThat(child.isAlive()).isTrue();

      parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      assertThat(child.onExit().get(8, TimeUnit.SECONDS).isAlive()).isFalse();
    } finally {
      ProcessHandle.of(childPidOrZero(parent)).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void withoutThePropertyNothingIsWatched() {
    System.clearProperty(ExitWithParent.PROPERTY);
    assertThat(ExitWithParent.watchIfAsked()).isFalse();
  }

  @Test
  void aProcessKnowsItsLivingParentAndNoOther() {
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    assertThat(ExitWithParent.parentIs(parent)).isTrue();
    assertThat(ExitWithParent.parentIs(parent + 1)).isFalse();
  }

  private static long childPidOrZero(Process parent) {
    return parent.descendants().mapToLong(ProcessHandle::pid).findFirst().orElse(0);
  }

  static Process java(String mainClass, String... jvmOptions) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** Starts a watched child, prints its pid, and waits to be killed. */
  static final class Parent {
    public static void main(String[] args) throws Exception {
      Process child =
          java(
              Child.class.getName(),
              "-D" + ExitWithParent.PROPERTY + "=" + ProcessHandle.current().pid());
      System.out.println(child.pid());
      System.out.flush();
      Thread.currentThread().join();
    }
  }

  /** Watches its parent and otherwise waits for ever. */
  static final class Child {
    public static void main(String[] args) throws Exception {
      ExitWithParent.watchIfAsked();
      Thread.currentThread().join();
    }
  }
}
