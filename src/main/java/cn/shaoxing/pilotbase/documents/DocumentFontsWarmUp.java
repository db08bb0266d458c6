package cn.shaoxing.pilotbase.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Parses the document fonts (2 × 15 MB, about 2.5 s) in the background once the application is up, so
 * the first document after a start (a revocation decision is issued in the click) does not wait for it.
 */
@Component
class DocumentFontsWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentFontsWarmUp.class);

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread t = new Thread(() -> {
      try {
        DocumentFonts.get();
      } catch (RuntimeException e) {
        LOG.error("公文字体加载失败，生成公文时将报错：{}", e.getMessage());
      }
    }, "document-fonts");
    t.setDaemon(true);
    t.start();
  }
}
