package cn.shaoxing.pilotbase.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Minimal HTTP client for calling the running application as a given user (HTTP Basic). */
public class RestClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  public RestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public HttpResponse<String> get(String path, String user) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), user);
  }

  public HttpResponse<String> postJson(String path, String user, String json) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), user);
  }

  public HttpResponse<String> putJson(String path, String user, String json) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), user);
  }

  /** One file as multipart/form-data field {@code file} (as the evidence page sends it). */
  public HttpResponse<String> upload(String path, String user, String fileName, byte[] bytes) {
    return send(multipart(URI.create(baseUrl + path), fileName, bytes), user);
  }

  public static HttpRequest.Builder multipart(URI uri, String fileName, byte[] bytes) {
    String boundary = "----pilotbase" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName.replace("\"", "%22") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  public HttpResponse<String> delete(String path, String user) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), user);
  }

  /** A GET whose body is kept as bytes (downloads). */
  public HttpResponse<byte[]> getBytes(String path, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
    if (user != null) {
      String cred = user.contains(":") ? user : user + ":demo";
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(cred.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code user} is "id" (demo password) or "id:password"; null for anonymous. */
  public HttpResponse<String> send(HttpRequest.Builder b, String user) {
    if (user != null) {
      String cred = user.contains(":") ? user : user + ":demo";
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(cred.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
