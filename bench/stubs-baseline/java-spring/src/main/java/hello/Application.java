package hello;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Spring Boot's hello world: one @RestController method, the same starter and JVM flags as the stub. */
@SpringBootApplication
@RestController
public class Application {
  @GetMapping("/healthz")
  public Map<String, String> healthz() {
    return Map.of("status", "ok");
  }

  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }
}
