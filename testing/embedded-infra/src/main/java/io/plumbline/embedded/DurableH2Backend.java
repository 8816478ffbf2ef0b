package io.plumbline.embedded;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * The H2-backed stand-in, answering a write only once it is in the file. H2's MVStore otherwise
 * commits on a background delay (about a second), so a killed process lost writes it had already
 * acknowledged.
 *
 * <p>A commit stores every change since the previous one, so it must not catch a write halfway (a
 * unique-index entry without its document would refuse that key for ever after a crash): writes run
 * side by side under a shared lock, a commit runs alone. Writers that finish together share one
 * commit; the others find nothing left to store.
 */
final class DurableH2Backend extends IdIndexedH2Backend {

  private static final Set<String> WRITES = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    WRITES.addAll(
        Set.of(
            "insert",
            "update",
            "delete",
            "findAndModify",
            "create",
            "createIndexes",
            "drop",
            "dropIndexes",
            "dropDatabase",
            "renameCollection"));
  }

  private static final java.time.Duration RETENTION = java.time.Duration.ofSeconds(1);

  /** Without H2's background thread, sparse chunks are rewritten here, every so many commits. */
  private static final int COMMITS_BETWEEN_COMPACTIONS = 1_000;

  private static final int TARGET_FILL_RATE = 50;
  private static final int COMPACTION_WRITE_BYTES = 4 << 20;

  /** What {@link MVStore#commit()} answers when there was nothing to store. */
  private static final long NOTHING_TO_STORE = -1;

  private final Durability durability;
  private final ReadWriteLock commitLock = new ReentrantReadWriteLock(true);
  private int commitsSinceCompaction;

  DurableH2Backend(String fileName, Durability durability) {
    super(openWithoutBackgroundCommits(fileName));
    this.durability = durability;
    // H2 keeps replaced chunks 45 s by default, in case the disk has not flushed them: every
    // commit here is written before it is answered (and with MACHINE forced), so a second will do,
    // and the file does not grow by every commit of the last 45 s
    getMvStore().setRetentionTime((int) RETENTION.toMillis());
  }

  private static MVStore openWithoutBackgroundCommits(String fileName) {
    return new MVStore.Builder()
        .fileName(fileName)
        .autoCommitDisabled()
        .autoCommitBufferSize(0)
        .open();
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    if (!WRITES.contains(command)) {
      // A read walks the maps as they stood when it began, and may outlast the second that
      // replaced chunks are kept: the store keeps what this version uses until the read is done
      // (at 10,000 teams a scan of the figures otherwise met "Chunk … not found")
      MVStore.TxCounter reading = getMvStore().registerVersionUsage();
      try {
        return super.handleCommand(channel, database, command, query);
      } finally {
        getMvStore().deregisterVersionUsage(reading);
      }
    }
    commitLock.readLock().lock();
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      commitLock.readLock().unlock();
      commitAlone();
    }
  }

  private void commitAlone() {
    commitLock.writeLock().lock();
    try {
      MVStore store = getMvStore();
      // -1: nothing unsaved, an earlier commit (and its sync) took this write along
      if (store.commit() == NOTHING_TO_STORE) {
        return;
      }
      if (++commitsSinceCompaction >= COMMITS_BETWEEN_COMPACTIONS) {
        commitsSinceCompaction = 0;
        if (store.compact(TARGET_FILL_RATE, COMPACTION_WRITE_BYTES)) {
          store.commit();
        }
      }
      if (durability == Durability.MACHINE) {
        store.sync();
      }
    } finally {
      commitLock.writeLock().unlock();
    }
  }
}
