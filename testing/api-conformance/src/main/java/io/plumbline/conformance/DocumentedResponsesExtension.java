package io.plumbline.conformance;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class whose requests got a response the OpenAPI document does not describe, naming
 * each one: the test that provoked it shows the behaviour, the document must say it.
 */
public class DocumentedResponsesExtension implements BeforeAllCallback, AfterAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    DocumentedResponses.drain();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> undocumented = DocumentedResponses.drain();
    if (!undocumented.isEmpty()) {
      throw new AssertionError(
          undocumented.size()
              + " response(s) not described by the OpenAPI document (regenerate it with"
              + " -Dplumbline.openapi.update=true once the code documents them):\n  "
              + String.join("\n  ", undocumented.stream().distinct().limit(40).toList()));
    }
  }
}
