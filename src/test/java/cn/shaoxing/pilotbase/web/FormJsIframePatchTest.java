package cn.shaoxing.pilotbase.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * ADR 0014: Tasklist's form-js accepts only https URLs for an iframe; we serve deps.js with that one
 * check widened to same-origin paths. A Camunda upgrade that changes the check fails here.
 */
class FormJsIframePatchTest {

  private static String webjarText() throws Exception {
    try (InputStream in = FormJsIframePatchTest.class.getClassLoader().getResourceAsStream(FormJsIframePatch.RESOURCE)) {
      assertThat(in).as("camunda-webapp-webjar on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theWebjarHasTheHttpsOnlyCheckExactlyOnce() throws Exception {
    String deps = webjarText();
    assertThat(FormJsIframePatch.ORIGINAL).isEqualTo("Ue=/^(https):\\/\\/*/i");
    int at = deps.indexOf(FormJsIframePatch.ORIGINAL);
    assertThat(at).as("form-js iframe URL check in camunda-webapp-webjar 7.24.0 deps.js").isNotNegative();
    assertThat(deps.indexOf(FormJsIframePatch.ORIGINAL, at + 1)).as("only once").isNegative();
    // it is the check of the iframe component (function Je used for its src)
    assertThat(deps).contains("function Je(e){return Ue.test(e)?e:\"\"}", "External content couldn't be loaded.");
  }

  @Test
  void theServedFileHasTheWidenedCheckAndNothingElseChanged() throws Exception {
    String deps = webjarText();
    String patched = new String(FormJsIframePatch.fromClasspath(getClass().getClassLoader()).plain(), StandardCharsets.UTF_8);
    assertThat(patched).contains(FormJsIframePatch.WIDENED).doesNotContain(FormJsIframePatch.ORIGINAL);
    assertThat(patched.length()).isEqualTo(deps.length() - FormJsIframePatch.ORIGINAL.length()
        + FormJsIframePatch.WIDENED.length());
    assertThat(patched.replace(FormJsIframePatch.WIDENED, FormJsIframePatch.ORIGINAL)).isEqualTo(deps);
  }

  @Test
  void theWidenedCheckAcceptsHttpsAndSameOriginPathsOnly() {
    // the JavaScript literal /^(https:\/\/|\/(?!\/))/i as a Java pattern
    String js = FormJsIframePatch.WIDENED.substring("Ue=/".length(), FormJsIframePatch.WIDENED.length() - 2);
    Pattern widened = Pattern.compile(js.replace("\\/", "/"), Pattern.CASE_INSENSITIVE);
    for (String ok : new String[] {"/evidence/application/0b7c", "/evidence/draft/application", "https://example.cn/x",
        "HTTPS://example.cn"}) {
      assertThat(widened.matcher(ok).lookingAt()).as(ok).isTrue();
    }
    for (String refused : new String[] {"//evil.example/x", "http://example.cn", "javascript:alert(1)",
        "data:text/html,x", "evidence/x", "", " /evidence"}) {
      assertThat(widened.matcher(refused).lookingAt()).as(refused).isFalse();
    }
  }

  @Test
  void aChangedWebjarIsRefusedLoudly() {
    assertThatThrownBy(() -> FormJsIframePatch.patch("const Ue=/^(https?):\\/\\/*/i;"))
        .hasMessageContaining("found nowhere").hasMessageContaining("0014");
    assertThatThrownBy(() -> FormJsIframePatch.patch(FormJsIframePatch.ORIGINAL + ";" + FormJsIframePatch.ORIGINAL))
        .hasMessageContaining("more than once");
  }

  @Test
  void theFilterServesThePatchForDepsJsOnly() throws Exception {
    FormJsIframePatch patch = FormJsIframePatch.fromClasspath(getClass().getClassLoader());
    FormJsIframePatchFilter filter = new FormJsIframePatchFilter("/camunda/lib/deps.js", patch);

    MockHttpServletRequest get = new MockHttpServletRequest("GET", "/camunda/lib/deps.js");
    get.addHeader("Accept-Encoding", "gzip, deflate");
    MockHttpServletResponse r = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(get, r, chain);
    assertThat(chain.getRequest()).as("not passed on").isNull();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentType()).startsWith("text/javascript");
    assertThat(r.getHeader("Content-Encoding")).isEqualTo("gzip");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.getContentAsByteArray()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(FormJsIframePatch.WIDENED);
    }

    MockHttpServletRequest again = new MockHttpServletRequest("GET", "/camunda/lib/deps.js");
    again.addHeader("If-None-Match", r.getHeader("ETag"));
    MockHttpServletResponse notModified = new MockHttpServletResponse();
    filter.doFilter(again, notModified, new MockFilterChain());
    assertThat(notModified.getStatus()).isEqualTo(304);

    MockHttpServletResponse plain = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/camunda/lib/deps.js"), plain, new MockFilterChain());
    assertThat(plain.getHeader("Content-Encoding")).isNull();
    assertThat(plain.getContentAsString(StandardCharsets.UTF_8)).contains(FormJsIframePatch.WIDENED);

    MockFilterChain other = new MockFilterChain();
    filter.doFilter(new MockHttpServletRequest("GET", "/camunda/lib/other.js"), new MockHttpServletResponse(), other);
    assertThat(other.getRequest()).as("other paths pass on").isNotNull();
    MockFilterChain post = new MockFilterChain();
    filter.doFilter(new MockHttpServletRequest("POST", "/camunda/lib/deps.js"), new MockHttpServletResponse(), post);
    assertThat(post.getRequest()).isNotNull();
  }
}
