package cn.shaoxing.pilotbase.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** Status assertions that show the body when they fail. */
final class HttpAssert {

  private HttpAssert() {}

  static <T> HttpResponse<T> status(HttpResponse<T> r, int expected) {
    assertThat(r.statusCode()).as("%s %s → %s", r.request().method(), r.request().uri().getPath(), r.body())
        .isEqualTo(expected);
    return r;
  }
}
