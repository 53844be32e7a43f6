package io.cybershield.shield.gateway;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Before each Quarkus test: RestAssured requests carry the analyst's bearer token ({@link TestCallers#ANALYST}),
 * unless the request sets its own {@code Authorization} or the test class is annotated
 * {@link TestCallers.Anonymous}. A filter, registered once, adds it; it is chosen per test, not once, because
 * Quarkus runs classes with the same resources in one application, in any order. The token chosen is a system
 * property, not a field: each Quarkus application (one per set of test resources) loads this class anew and
 * registers its own filter with the one RestAssured of the JVM, and a filter of an application that has stopped
 * must not go on adding the token of its last test to an anonymous test's requests.
 */
public class DefaultCaller implements QuarkusTestBeforeEachCallback {

  private static final String TOKEN_PROPERTY = "shield.test.default-bearer";
  private static final Filter BEARER = (request, response, context) -> {
    String current = System.getProperty(TOKEN_PROPERTY);
    if (current != null && !request.getHeaders().hasHeaderWithName("Authorization")) {
      request.header("Authorization", "Bearer " + current);
    }
    return context.next(request, response);
  };

  static {
    RestAssured.filters(BEARER);
  }

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    Object test = context.getTestInstance();
    boolean anonymous = test != null && test.getClass().isAnnotationPresent(TestCallers.Anonymous.class);
    if (anonymous) {
      System.clearProperty(TOKEN_PROPERTY);
    } else {
      System.setProperty(TOKEN_PROPERTY, TestCallers.ANALYST);
    }
    if (!RestAssured.filters().contains(BEARER)) {
      RestAssured.filters(BEARER);
    }
  }
}
