import type { GeneratedFile } from '../../types';
import type { StubContext } from '../types';
import { NATIVE_INFO } from '../../../model/native';
import { javaString } from './names';
import { javaFile, type JavaPlan } from './plan';
import { JAVA_VERSIONS } from './versions';

/**
 * Python inside a Java service (`native` of kind `graalpy` or `jython`): the user's Python module
 * under `src/main/python/`, a Java class of the handlers package that the Python calls back, and
 * the plumbing that loads the module in-process at start and calls it on every /ping
 * (docs/stub-contract.md, "In-process modules").
 */

export type EmbeddedPython = 'graalpy' | 'jython';

/** The Python module's folder, its file and the function /ping calls. */
export const PYTHON_DIR = 'src/main/python';
export const PYTHON_MODULE = 'checksum.py';
export const PYTHON_FUNCTION = 'adler32';
/** The Java class the Python calls back (in the handlers package). */
export const HOST_CLASS = 'PythonHost';

/** The embedded Python of a Java service, or null when it has none (or a kind of another language). */
export function embeddedPython(ctx: StubContext): EmbeddedPython | null {
  const kind = ctx.wiring.node.native?.kind;
  return kind === 'graalpy' || kind === 'jython' ? kind : null;
}

/** The Java release a service builds for: 21 with GraalPy inside, else the stub's 17. */
export function javaRelease(kind: EmbeddedPython | null): string {
  return kind === 'graalpy' ? JAVA_VERSIONS.graalpyJava : JAVA_VERSIONS.java;
}

/** How the README names each kind. */
export const EMBEDDED_LABEL: Record<EmbeddedPython, string> = {
  graalpy: 'GraalPy (Python 3 on the JVM)',
  jython: 'Jython 2.7 (Python 2 on the JVM)',
};

function pythonModule(p: JavaPlan, kind: EmbeddedPython): GeneratedFile {
  const host = `${p.handlers}.${HOST_CLASS}`;
  const header =
    kind === 'graalpy'
      ? `"""This service's Python module, run inside the JVM by GraalPy (Python 3).

Yours to edit: the plumbing (plumbing/Embedded.java) loads this file once at start and calls
${PYTHON_FUNCTION}(text) on every /ping. It calls Java back through ${HOST_CLASS}.
"""
import java

# A Java class of this service (handlers/${HOST_CLASS}.java), looked up across the boundary.
${HOST_CLASS} = java.type(${JSON.stringify(host)})
`
      : `"""This service's Python module, run inside the JVM by Jython 2.7 (Python 2).

Yours to edit: the plumbing (plumbing/Embedded.java) loads this file once at start and calls
${PYTHON_FUNCTION}(text) on every /ping. It calls Java back through ${HOST_CLASS}.
"""
# A Java class of this service (handlers/${HOST_CLASS}.java), imported like a Python module.
from ${p.handlers} import ${HOST_CLASS}
`;
  return {
    path: `${PYTHON_DIR}/${PYTHON_MODULE}`,
    content: `${header}

def ${PYTHON_FUNCTION}(text):
    """The Adler-32 checksum (RFC 1950) of the text's UTF-8 bytes, an unsigned 32-bit number."""
    modulus = ${HOST_CLASS}.modulus()  # the call back into Java
    a, b = 1, 0
    for byte in bytearray(text.encode("utf-8")):
        a = (a + byte) % modulus
        b = (b + a) % modulus
    return (b << 16) | a
`,
  };
}

function hostClass(p: JavaPlan, kind: EmbeddedPython): GeneratedFile {
  return javaFile(
    p.handlers,
    HOST_CLASS,
    `// Yours to edit: the Java side that ${PYTHON_MODULE} calls (its static methods are visible to Python).
package ${p.handlers};

import java.util.concurrent.atomic.AtomicLong;

/** What the Python module (src/main/python/${PYTHON_MODULE}, run by ${kind === 'graalpy' ? 'GraalPy' : 'Jython'}) asks Java for. */
public final class ${HOST_CLASS} {
  private static final AtomicLong CALLS = new AtomicLong();

  private ${HOST_CLASS}() {}

  /** Adler-32's modulus: the largest prime below 2^16. */
  public static int modulus() {
    CALLS.incrementAndGet();
    return 65521;
  }

  /** How many times Python has called back so far (the /ping answer shows the calls of one ping). */
  public static long calls() {
    return CALLS.get();
  }
}
`,
  );
}

const HEADER = '// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.';

/** The result map and the timing both kinds share. */
const CALL_BODY = (
  kind: EmbeddedPython,
  invoke: string,
) => `  /** Passes a fresh text to the module's ${PYTHON_FUNCTION}; the answer's {@code native} entry. */
  public synchronized Map<String, Object> call(String service) {
    String input = service + "@" + Instant.now();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", KIND);
    out.put("language", "${NATIVE_INFO[kind].language}");
    out.put("input", input);
    if (loadError != null) {
      out.put("answer", null);
      out.put("ok", false);
      out.put("error", loadError);
      return out;
    }
    long before = ${HOST_CLASS}.calls();
    try {
${invoke}
      out.put("answer", answer);
      out.put("ok", true);
      out.put("callbacks", ${HOST_CLASS}.calls() - before);
    } catch (RuntimeException e) {
      out.put("answer", null);
      out.put("ok", false);
      out.put("error", "${PYTHON_MODULE}: " + e);
    }
    return out;
  }

  /** The module's source, as the build put it on the classpath. */
  private static String source() throws IOException {
    try (InputStream in = Embedded.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IOException(RESOURCE + " is not on the classpath (src/main/python/${PYTHON_MODULE})");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
`;

function graalpyEmbedded(p: JavaPlan): string {
  return `${HEADER}
package ${p.plumbing};

import ${p.handlers}.${HOST_CLASS};
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.springframework.stereotype.Component;

/**
 * The Python module inside this JVM, run by GraalPy: one context, made at start (the first
 * evaluation takes seconds), with host access so that Python can call ${HOST_CLASS}. A context
 * runs one thread at a time, so calls take turns.
 */
@Component
public class Embedded implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Embedded.class.getName());
  private static final String KIND = "graalpy";
  private static final String RESOURCE = "/python/${PYTHON_MODULE}";
  private final Context context;
  private final Value function;
  private final String loadError;

  public Embedded() {
    // GraalPy unpacks its standard library once into a cache folder; the container's user has no
    // home, so the cache goes to the temporary folder unless the JVM was told another place.
    if (System.getProperty("polyglot.engine.userResourceCache") == null) {
      System.setProperty(
          "polyglot.engine.userResourceCache",
          Path.of(System.getProperty("java.io.tmpdir"), "graalpy-resources").toString());
    }
    long start = System.nanoTime();
    Context made = null;
    Value found = null;
    String error = null;
    try {
      made =
          Context.newBuilder("python")
              .allowAllAccess(true)
              .hostClassLoader(Embedded.class.getClassLoader())
              .option("engine.WarnInterpreterOnly", "false")
              .build();
      made.eval(Source.newBuilder("python", source(), "${PYTHON_MODULE}").build());
      found = made.getBindings("python").getMember(${javaString(PYTHON_FUNCTION)});
      if (found == null || !found.canExecute()) {
        throw new IllegalStateException("${PYTHON_MODULE} defines no function ${PYTHON_FUNCTION}(text)");
      }
      LOG.info("GraalPy loaded ${PYTHON_MODULE} in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    } catch (IOException | RuntimeException e) {
      error = "${PYTHON_MODULE} did not load: " + e;
      LOG.warning(error);
    }
    context = made;
    function = found;
    loadError = error;
  }

${CALL_BODY(
  'graalpy',
  `      Value result = function.execute(input);
      if (!result.fitsInLong()) throw new IllegalStateException("${PYTHON_FUNCTION} answered " + result);
      long answer = result.asLong();`,
)}
  /** Closes the context when the service stops. */
  @Override
  public synchronized void close() {
    if (context != null) context.close(true);
  }
}
`;
}

function jythonEmbedded(p: JavaPlan): string {
  return `${HEADER}
package ${p.plumbing};

import ${p.handlers}.${HOST_CLASS};
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;
import org.springframework.stereotype.Component;

/**
 * The Python module inside this JVM, run by Jython 2.7: one interpreter, made at start, which
 * imports ${HOST_CLASS} like a Python module. Calls take turns.
 */
@Component
public class Embedded implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Embedded.class.getName());
  private static final String KIND = "jython";
  private static final String RESOURCE = "/python/${PYTHON_MODULE}";
  private final PythonInterpreter interpreter;
  private final PyObject function;
  private final String loadError;

  public Embedded() {
    long start = System.nanoTime();
    PythonInterpreter made = null;
    PyObject found = null;
    String error = null;
    try {
      Properties props = new Properties();
      // no site module and no package cache: the module needs neither, and start stays short
      props.setProperty("python.import.site", "false");
      props.setProperty("python.cachedir.skip", "true");
      props.setProperty("python.console.encoding", "UTF-8");
      PythonInterpreter.initialize(System.getProperties(), props, new String[0]);
      PySystemState state = new PySystemState();
      state.setClassLoader(Embedded.class.getClassLoader());
      made = new PythonInterpreter(null, state);
      made.exec(source());
      found = made.get(${javaString(PYTHON_FUNCTION)});
      if (found == null || !found.isCallable()) {
        throw new IllegalStateException("${PYTHON_MODULE} defines no function ${PYTHON_FUNCTION}(text)");
      }
      LOG.info("Jython loaded ${PYTHON_MODULE} in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    } catch (IOException | RuntimeException e) {
      error = "${PYTHON_MODULE} did not load: " + e;
      LOG.warning(error);
    }
    interpreter = made;
    function = found;
    loadError = error;
  }

${CALL_BODY(
  'jython',
  `      PyObject result = function.__call__(Py.newUnicode(input));
      long answer = result.asLong();`,
)}
  /** Closes the interpreter when the service stops. */
  @Override
  public synchronized void close() {
    if (interpreter != null) interpreter.close();
  }
}
`;
}

/** The files of a service's embedded Python: the module, the Java class it calls, the loader. */
export function embeddedFiles(p: JavaPlan): GeneratedFile[] {
  const kind = p.embedded;
  if (!kind) return [];
  return [
    pythonModule(p, kind),
    hostClass(p, kind),
    javaFile(p.plumbing, 'Embedded', kind === 'graalpy' ? graalpyEmbedded(p) : jythonEmbedded(p)),
  ];
}

/** The README's section on the embedded Python: where it lives, how to change it, what it costs. */
export function embeddedReadme(p: JavaPlan): string[] {
  const kind = p.embedded;
  if (!kind) return [];
  const host = `src/main/java/${p.handlers.replace(/\./g, '/')}/${HOST_CLASS}.java`;
  const runtime =
    kind === 'graalpy'
      ? `GraalPy ${JAVA_VERSIONS.graalpy} (\`org.graalvm.polyglot:polyglot\` and the \`org.graalvm.polyglot:python-community\` pom)`
      : `Jython ${JAVA_VERSIONS.jython} (\`org.python:jython-standalone\`)`;
  const tradeOff =
    kind === 'graalpy'
      ? [
          "GraalPy runs Python 3 and most of its standard library, and is maintained; in return the service needs Java 21 or newer (the Dockerfile builds and runs on Temurin 25), the jar and the image grow by about 160 MB (GraalPy, Truffle and the standard library), and the first evaluation takes seconds: the module is loaded at start, before the service answers `/healthz`. On a stock JDK Python code runs in the interpreter, without Truffle's compiler; a GraalVM JDK compiles it.",
          "Python packages with C extensions (NumPy and the like) need GraalPy's own builds of them and its Maven plugin (`org.graalvm.python:graalpy-maven-plugin`), which this project does not set up.",
        ]
      : [
          'Jython runs Python 2.7 only (no Python 3 syntax, no C extensions) and is a legacy choice: take it to reuse existing Python 2 code next to Java. It runs on Java 17, loads the module in a second or two and adds about 50 MB to the jar; for new Python code, GraalPy (Python 3, Java 21+) is the way on.',
        ];
  return [
    '## Embedded Python',
    '',
    `This service runs Python inside its own JVM with ${runtime}: ${EMBEDDED_LABEL[kind]}. On every \`/ping\`, \`plumbing/Embedded.java\` passes a fresh text (\`<service>@<time>\`) to \`${PYTHON_FUNCTION}(text)\` of ${mdPath(`${PYTHON_DIR}/${PYTHON_MODULE}`)}, which computes its Adler-32 checksum and calls Java back (\`${HOST_CLASS}.modulus()\`, in ${mdPath(host)}). The answer shows the call as \`native\`: \`kind\`, \`input\`, \`answer\`, \`ok\`, and \`callbacks\` (how many times Python called Java for it). A module that does not load or raises gives \`"ok": false\` and an \`error\`; the service still answers.`,
    '',
    `To change the Python, edit ${mdPath(`${PYTHON_DIR}/${PYTHON_MODULE}`)} (and ${mdPath(host)} for what it asks Java) and build again: the build copies \`${PYTHON_DIR}/\` into the jar as \`python/\`, where \`Embedded.java\` reads it at start. More Python files go into the same folder; the module is loaded once, so a new version needs a restart. Exporting again rewrites these files as well: keep the service under version control, or export with \`--update\`, which keeps your changes.`,
    '',
    ...tradeOff.flatMap((t) => [t, '']),
  ];
}

function mdPath(path: string): string {
  return `\`${path}\``;
}
