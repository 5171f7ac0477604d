import { RUNTIMES } from '../../../catalog/catalog';
import type { GeneratedFile } from '../../types';
import { javaString } from './names';
import { javaFile, type JavaPlan } from './plan';

/** plumbing/Fanout.java: the /ping tree, one call per outgoing link, run in parallel. */

const BUS_CLASS = { kafka: 'KafkaBus', rabbitmq: 'RabbitBus', redis: 'RedisBus', nats: 'NatsBus' } as const;
const DB_METHOD = { postgres: 'postgres', mongodb: 'mongodb', redis: 'redis' } as const;

interface Dep {
  type: string;
  field: string;
}

/** The beans Fanout needs, in a stable order. */
function fanoutDeps(p: JavaPlan): Dep[] {
  const deps: Dep[] = [
    { type: 'Received', field: 'received' },
    { type: 'Envelopes', field: 'envelopes' },
  ];
  const kinds = new Set(p.publishes.map((q) => q.use.brokerKind));
  for (const k of ['kafka', 'rabbitmq', 'redis', 'nats'] as const) {
    if (kinds.has(k)) deps.push({ type: BUS_CLASS[k], field: `${k}Bus` });
  }
  if (p.databases.length > 0) deps.push({ type: 'Databases', field: 'databases' });
  for (const r of p.rest) deps.push({ type: r.cls, field: r.field });
  for (const g of p.grpc) deps.push({ type: g.cls, field: g.field });
  if (p.embedded) deps.push({ type: 'Embedded', field: 'embedded' });
  return deps;
}

function callLines(p: JavaPlan): string[] {
  const s = javaString;
  const lines: string[] = [];
  for (const r of p.rest) {
    const methods = r.typed ? `${r.field}::exercise` : 'null';
    lines.push(`    submit(tasks, entry("rest", ${s(r.target)}), () -> ${r.field}.ping(hops), ${methods});`);
  }
  for (const g of p.grpc) {
    const methods = g.typed ? `${g.field}::exercise` : 'null';
    lines.push(
      `    submit(tasks, entry("grpc", ${s(g.target)}), () -> JSON.readTree(${g.field}.ping(hops)), ${methods});`,
    );
  }
  for (const q of p.publishes) {
    const bus = `${q.use.brokerKind}Bus`;
    lines.push(
      `    submit(`,
      `        tasks,`,
      `        queueEntry(${s(q.brokerDns)}, ${s(q.use.brokerKind)}, ${s(q.use.topic)}),`,
      `        () -> {`,
      `          Envelopes.Outgoing out = envelopes.wrap(${s(q.use.topic)}, hops, Messages.sample${q.message.stem}());`,
      `          ${bus}.publish(Env.get(${s(q.use.envVar)}, ${s(q.fallback)}), ${s(q.use.topic)}, out);`,
      `          return new Sent(out.id());`,
      `        },`,
      `        null);`,
    );
  }
  for (const d of p.databases) {
    lines.push(
      `    submit(`,
      `        tasks,`,
      `        entry("database", ${s(d.target)}),`,
      `        () -> {`,
      `          databases.${DB_METHOD[d.use.databaseKind]}(Env.get(${s(d.use.envVar)}, ${s(d.fallback)}));`,
      `          return null;`,
      `        },`,
      `        null);`,
    );
  }
  return lines;
}

/** plumbing/Fanout.java. */
export function fanoutJava(p: JavaPlan): GeneratedFile {
  const deps = fanoutDeps(p);
  const runtime = RUNTIMES[p.ctx.wiring.runtime];
  const usesMessages = p.publishes.length > 0;
  const content = `// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package ${p.plumbing};

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
${usesMessages ? `import ${p.handlers}.Messages;\n` : ''}import org.springframework.stereotype.Component;
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
${deps.map((d) => `  private final ${d.type} ${d.field};`).join('\n')}

  public Fanout(${deps.map((d) => `${d.type} ${d.field}`).join(', ')}) {
${deps.map((d) => `    this.${d.field} = ${d.field};`).join('\n')}
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
    tree.put("language", ${javaString(runtime.language)});
    tree.put("framework", ${javaString(runtime.framework)});
    tree.put("ok", true);
    tree.put("loop", loop);
    tree.put("path", List.copyOf(hops));
${p.embedded ? '    tree.put("native", embedded.call(self));\n' : ''}    tree.put("calls", loop ? List.of() : calls(List.copyOf(hops)));
    tree.put("received", received.snapshot());
    return tree;
  }

  /** The same tree as JSON text, as the gRPC Ping answers it. */
  public String treeJson(List<String> incoming) {
    return JSON.writeValueAsString(tree(incoming));
  }

  private List<Map<String, Object>> calls(List<String> hops) {
    List<Map.Entry<Map<String, Object>, Future<?>>> tasks = new ArrayList<>();
${callLines(p).join('\n')}
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
`;
  return javaFile(p.plumbing, 'Fanout', content);
}
