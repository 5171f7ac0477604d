// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package rmrfetc.quotes.plumbing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the /ping tree: one call over every outgoing link (REST, gRPC, one message per queue
 * link, a connection check per database), run in parallel. A service already on the path answers
 * {@code loop: true} without calling anyone, which stops cycles.
 */
@Component
public class Fanout {
  private static final JsonMapper JSON = new JsonMapper();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "fanout");
            thread.setDaemon(true);
            return thread;
          });
  private final Received received;
  private final Envelopes envelopes;
  private final ClassSvcRestClient classSvcRestClient;

  public Fanout(Received received, Envelopes envelopes, ClassSvcRestClient classSvcRestClient) {
    this.received = received;
    this.envelopes = envelopes;
    this.classSvcRestClient = classSvcRestClient;
  }

  /** What a queue call answers besides ok: the id of the message it published. */
  private record Sent(String id) {}

  private interface Action {
    Object run() throws Exception;
  }

  /** The typed exercise of a link: its {@code methods} entries. */
  private interface Methods {
    List<Map<String, Object>> run();
  }

  /** The tree of this service for a request that has passed through {@code incoming}. */
  public Map<String, Object> tree(List<String> incoming) {
    String self = Env.serviceName();
    boolean loop = incoming.contains(self);
    List<String> hops = new ArrayList<>(incoming);
    hops.add(self);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("service", self);
    tree.put("language", "Java");
    tree.put("framework", "Spring Boot");
    tree.put("ok", true);
    tree.put("loop", loop);
    tree.put("path", List.copyOf(hops));
    tree.put("calls", loop ? List.of() : calls(List.copyOf(hops)));
    tree.put("received", received.snapshot());
    return tree;
  }

  /** The same tree as JSON text, as the gRPC Ping answers it. */
  public String treeJson(List<String> incoming) {
    return JSON.writeValueAsString(tree(incoming));
  }

  private List<Map<String, Object>> calls(List<String> hops) {
    List<Map.Entry<Map<String, Object>, Future<?>>> tasks = new ArrayList<>();
    submit(tasks, entry("rest", "class"), () -> classSvcRestClient.ping(hops), classSvcRestClient::exercise);
    // every call has its own time-out; this is the backstop, a little longer than the longest
    long waitMillis = Env.callTimeout(hops.size()).toMillis() + 2000;
    long deadline = System.currentTimeMillis() + waitMillis;
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<Map<String, Object>, Future<?>> task : tasks) {
      Map<String, Object> entry = task.getKey();
      String error = null;
      try {
        task.getValue().get(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        error = "no answer within " + waitMillis + " ms";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "interrupted";
      } catch (ExecutionException e) {
        error = describe(e.getCause());
      }
      synchronized (entry) {
        if (!entry.containsKey("ok")) {
          entry.put("ok", false);
          entry.put("error", error == null ? "no answer" : error);
        }
        out.add(new LinkedHashMap<>(entry));
      }
    }
    return out;
  }

  private static Map<String, Object> entry(String via, String target) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("via", via);
    entry.put("target", target);
    return entry;
  }

  private static Map<String, Object> queueEntry(String broker, String brokerKind, String topic) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("via", "queue");
    entry.put("broker", broker);
    entry.put("brokerKind", brokerKind);
    entry.put("topic", topic);
    return entry;
  }

  private void submit(
      List<Map.Entry<Map<String, Object>, Future<?>>> tasks,
      Map<String, Object> entry,
      Action action,
      Methods methods) {
    // the exercise runs beside the call; the entry's own ok is the call's alone
    Future<List<Map<String, Object>>> exercised = methods == null ? null : pool.submit((Callable<List<Map<String, Object>>>) methods::run);
    Future<?> future =
        pool.submit(
            () -> {
              Object result;
              String error = null;
              try {
                result = action.run();
              } catch (Exception e) {
                result = null;
                error = describe(e);
              }
              List<Map<String, Object>> done = null;
              if (exercised != null) {
                try {
                  done = exercised.get();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                  String why = describe(e.getCause());
                  done = List.of(Map.of("name", "exercise", "ok", false, "error", why));
                }
              }
              synchronized (entry) {
                if (entry.containsKey("ok")) return;
                entry.put("ok", error == null);
                if (error != null) entry.put("error", error);
                else if (result instanceof Sent sent) entry.put("id", sent.id());
                else if (result != null) entry.put("tree", result);
                if (done != null) entry.put("methods", done);
              }
            });
    tasks.add(Map.entry(entry, future));
  }

  /** The exception and, when it has one, its root cause: "StatusRuntimeException: UNAVAILABLE (...)". */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root == e ? oneLine(e) : oneLine(e) + " (" + oneLine(root) + ")";
  }

  private static String oneLine(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
