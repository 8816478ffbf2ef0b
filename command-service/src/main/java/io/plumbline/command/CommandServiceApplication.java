package io.plumbline.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Accepts adoption evidence, enforces its invariants and stores it as events. */
@SpringBootApplication
public class CommandServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CommandServiceApplication.class, args);
  }
}
