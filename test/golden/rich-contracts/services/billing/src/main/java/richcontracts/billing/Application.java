// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package richcontracts.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the service: HTTP on PORT, consumers in the background. */
@SpringBootApplication
public class Application {
  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }
}
