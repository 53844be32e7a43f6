package io.cybershield.shield.gateway;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Before each Quarkus test: RestAssured requests carry the analyst's bearer token ({@link TestCallers#ANALYST}),
 * unless the request sets its own {@code Authorization} or the test class is annotated
 * {@link TestCallers.Anonymous}. A filter, registered once, adds it; it is chosen per test, not once, because
 * Quarkus runs classes with the same resources in one application, in any order.
 */
public class DefaultCaller implements QuarkusTestBeforeEachCallback {

  private static volatile String token;
  private static final Filter BEARER = (request, response, context) -> {
    String current = token;
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
    token = anonymous ? null : TestCallers.ANALYST;
    if (!RestAssured.filters().contains(BEARER)) {
      RestAssured.filters(BEARER);
    }
  }
}
