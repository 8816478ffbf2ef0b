package io.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.local.LocalStackConfig;
import io.plumbline.local.PlumblineLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --replicas=N} on the start command: N of each service on one broker and database, each
 * pair on its own ports, one admin token for all (the fleet itself is run by {@link FleetTest}).
 */
class ReplicasOptionTest {

  @Test
  void replicasAreOneUnlessToldAndAtMostEight() {
    assertThat(PlumblineLocal.replicas(new String[] {"--data-dir=x"})).isEqualTo(1);
    assertThat(PlumblineLocal.replicas(new String[] {"--replicas=3"})).isEqualTo(3);
    for (String wrong : new String[] {"0", "9", "two", ""}) {
      assertThatThrownBy(() -> PlumblineLocal.replicas(new String[] {"--replicas=" + wrong}))
          .hasMessage("--replicas must be a number from 1 to 8, not " + wrong);
    }
    assertThat(PlumblineLocal.configFrom(new String[] {"--replicas=2"}).commandPort())
        .as("an option the start command knows")
        .isEqualTo(8080);
  }

  @Test
  void replicaIListensOnTheNextPairOfPortsKeepsItsLogsApartAndSharesTheAdminToken(
      @TempDir Path data) throws Exception {
    LocalStackConfig first =
        PlumblineLocal.configFrom(new String[] {"--data-dir=" + data, "--command-port=9180"});
    Files.writeString(data.resolve("admin-token"), "plt-admin-token\n");

    LocalStackConfig third = PlumblineLocal.replica(first, 3);

    assertThat(third.commandPort()).isEqualTo(9184);
    assertThat(third.queryPort()).isEqualTo(first.queryPort() + 4);
    assertThat(third.mongoPort()).isEqualTo(first.mongoPort());
    assertThat(third.kafkaPort()).isEqualTo(first.kafkaPort());
    assertThat(third.dataDir()).isEqualTo(data.resolve("replica-3"));
    assertThat(Files.readString(third.dataDir().resolve("admin-token")))
        .isEqualTo("plt-admin-token\n");
    assertThat(third.durability()).isEqualTo(first.durability());
  }
}
