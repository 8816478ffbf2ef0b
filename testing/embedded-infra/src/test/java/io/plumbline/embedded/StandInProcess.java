package io.plumbline.embedded;

import java.nio.file.Path;

/** The H2-backed stand-in alone in a process of its own, so that a test can kill it. */
final class StandInProcess {

  private StandInProcess() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedMongo mongo =
        EmbeddedMongo.persistent(
            Path.of(args[0]), Integer.parseInt(args[1]), Durability.valueOf(args[2]));
    System.out.println("ready " + mongo.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
