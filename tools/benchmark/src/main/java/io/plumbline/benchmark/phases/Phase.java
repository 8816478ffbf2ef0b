package io.plumbline.benchmark.phases;

import io.plumbline.benchmark.Run;
import io.plumbline.benchmark.StackClient;

/** One measurement on the running stack, which records its figures in the run's results. */
public interface Phase {

  void run(Run run, StackClient client) throws Exception;
}
