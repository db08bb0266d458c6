package cn.shaoxing.pilotbase.platform;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload above the multipart limit ({@code spring.servlet.multipart.*}) is refused while the
 * request is parsed, before any controller is chosen, so {@link ApiExceptionHandler} (limited to our
 * controllers) never sees it: 413 with a Chinese message, nothing stored.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimitHandler {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("status", 413, "code", "PAYLOAD_TOO_LARGE",
        "messages", List.of("文件过大，超过了平台允许的上传大小")));
  }

  @ExceptionHandler(MultipartException.class)
  public ResponseEntity<Map<String, Object>> malformed(MultipartException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("status", 400, "code", "MALFORMED_UPLOAD",
        "messages", List.of("上传请求格式错误（须为 multipart/form-data，字段 file）")));
  }
}
