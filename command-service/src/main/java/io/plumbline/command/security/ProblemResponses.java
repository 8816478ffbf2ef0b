package io.plumbline.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem details (shared with the query service). */
@Component
class ProblemResponses extends io.plumbline.service.security.ProblemResponses {

  ProblemResponses(ObjectMapper json) {
    super(json);
  }
}
