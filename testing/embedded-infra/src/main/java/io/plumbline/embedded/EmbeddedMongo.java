package io.plumbline.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server). It stands in for MongoDB where no server
 * binary can be had; see the README for the MongoDB features it lacks.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongo(MongoBackend backend, int port) {
    this.server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
    this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
  }

  /** Data lives in memory and is gone when the server stops. */
  public static EmbeddedMongo inMemory(int port) {
    return new EmbeddedMongo(new IdIndexedMemoryBackend(), port);
  }

  /**
   * Data lives in one H2 file, so a restart keeps it; a write is answered once it is in the file
   * (and, with {@link Durability#MACHINE}, forced to the disk).
   */
  public static EmbeddedMongo persistent(Path dataFile, int port, Durability durability) {
    try {
      Files.createDirectories(dataFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EmbeddedMongo(
        durability == Durability.DELAYED
            ? new IdIndexedH2Backend(org.h2.mvstore.MVStore.open(dataFile.toString()))
            : new DurableH2Backend(dataFile.toString(), durability),
        port);
  }

  public String connectionString() {
    return connectionString;
  }

  public int port() {
    return server.getLocalAddress().getPort();
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
