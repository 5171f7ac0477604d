import type { GeneratedFile } from '../../types';
import { javaFile, type JavaPlan } from './plan';

/**
 * The typed exercise of the contract in Java (docs/stub-contract.md, "How a converted stub does
 * it"): the marker, JSON and protobuf comparison, `methods` entries, and RFC 9457 problems.
 */

const HEADER = '// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.';

const GRPC_ERROR = `    while (t.getCause() != null && t.getCause() != t && !(t instanceof io.grpc.StatusRuntimeException)) t = t.getCause();
    if (t instanceof io.grpc.StatusRuntimeException s) {
      return s.getStatus().getCode() + ": " + s.getStatus().getDescription();
    }
`;

function exercise(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.plumbing,
    'Exercise',
    `${HEADER}
package ${p.plumbing};

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The typed exercise of the service contract (docs/stub-contract.md). /ping calls every RPC and
 * endpoint of an outgoing link with the contract's sample data, marked with the
 * {@code polyglot-exercise: 1} header (gRPC metadata or HTTP header); the callee's plumbing checks
 * that what arrived is the sample and answers the sample, the caller checks the answer. User
 * handlers are never called for it.
 */
public final class Exercise {
  /** The marker header of an exercise call. */
  public static final String HEADER = "polyglot-exercise";

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Exercise() {}

  /** A sample (its JSON text) as a value of its type: {@code sample("{...}", new TypeReference<Models.Order>() {})}. */
  public static <T> T sample(String json, TypeReference<T> type) {
    return JSON.readValue(json, type);
  }

  /** One exercise call: null when it went as expected, else what went wrong. */
  public interface Check {
    String run() throws Exception;
  }

  /** Runs one exercise call: a {@code methods} entry of the /ping tree. */
  public static Map<String, Object> method(String name, Check check) {
    String problem;
    try {
      problem = check.run();
    } catch (Exception e) {
      problem = errorText(e);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("ok", problem == null);
    if (problem != null) entry.put("error", problem);
    return entry;
  }

  /** The text of a failed call: a gRPC status and its description, an HTTP status and its body, or the exception. */
  public static String errorText(Throwable e) {
    Throwable t = e;
${p.features.grpc ? GRPC_ERROR : '    while (t.getCause() != null && t.getCause() != t) t = t.getCause();\n'}    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** A JSON text read as plain Java values (maps, lists, strings, numbers, booleans). */
  public static Object readJson(String json) {
    return json == null ? null : JSON.readValue(json, Object.class);
  }

  /** Any value (a record, a list of them, a map) as plain Java values, through its JSON form. */
  public static Object plain(Object value) {
    return value == null ? null : JSON.readValue(JSON.writeValueAsBytes(value), Object.class);
  }

  /** A value in one comparable text: keys sorted, unset (null) members left out, 1 equal to 1.0. */
  public static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    write(plain(value), out);
    return out.toString();
  }

  private static void write(Object v, StringBuilder out) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) if (e.getValue() != null) sorted.put(String.valueOf(e.getKey()), e.getValue());
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) out.append(',');
        first = false;
        out.append(JSON.writeValueAsString(e.getKey())).append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (v instanceof Collection<?> c) {
      out.append('[');
      boolean first = true;
      for (Object x : c) {
        if (!first) out.append(',');
        first = false;
        write(x, out);
      }
      out.append(']');
    } else if (v instanceof Number n) {
      out.append(numberText(n));
    } else {
      out.append(JSON.writeValueAsString(v));
    }
  }

  private static String numberText(Number n) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())) return JSON.writeValueAsString(d.toString());
    if (n instanceof Float f && (f.isNaN() || f.isInfinite())) return JSON.writeValueAsString(f.toString());
    BigDecimal b = new BigDecimal(n.toString()).stripTrailingZeros();
    return b.signum() == 0 ? "0" : b.toPlainString();
  }

  /** At most 300 characters of a text. */
  public static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 297) + "...";
  }

  /** null when a value equals the sample (its JSON text), else what differs. */
  public static String jsonDiff(String expectedJson, Object got) {
    String a = canonical(readJson(expectedJson));
    String b = canonical(got);
    return a.equals(b) ? null : "expected " + shorten(a) + ", got " + shorten(b);
  }

  /** A mutable list of method entries. */
  public static List<Map<String, Object>> results() {
    return new ArrayList<>();
  }
}
`,
  );
}

function protos(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.plumbing,
    'Protos',
    `${HEADER}
package ${p.plumbing};

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;

/**
 * Protobuf messages for the typed exercise: a sample's message (its JSON form read with the
 * library's JSON mapping, so int64, enums by name, bytes, maps and Timestamps mean the same in
 * every language) and the comparison of two messages.
 */
public final class Protos {
  private static final JsonFormat.TypeRegistry TYPES =
      JsonFormat.TypeRegistry.newBuilder().add(com.google.protobuf.Empty.getDescriptor()).build();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().usingTypeRegistry(TYPES);
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().usingTypeRegistry(TYPES).omittingInsignificantWhitespace().sortingMapKeys();

  /** The exercise marker of gRPC calls: metadata {@code polyglot-exercise}. */
  public static final Metadata.Key<String> MARKER =
      Metadata.Key.of(Exercise.HEADER, Metadata.ASCII_STRING_MARSHALLER);

  private static final Context.Key<Boolean> MARKED = Context.key(Exercise.HEADER);

  private Protos() {}

  /** The message of a JSON text, built on {@code builder} (e.g. {@code Order.newBuilder()}). */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M parse(Message.Builder builder, String json) {
    try {
      PARSER.merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("not a " + builder.getDescriptorForType().getFullName() + ": " + e.getMessage(), e);
    }
    return (M) builder.build();
  }

  /** A message as JSON text (the protobuf JSON mapping), for messages and logs. */
  public static String json(Message message) {
    try {
      return PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      return message.toString();
    }
  }

  /** null when a received message equals the expected one, else what differs. */
  public static String diff(Message expected, Message got) {
    if (expected.equals(got)) return null;
    return "expected " + Exercise.shorten(json(expected)) + ", got " + Exercise.shorten(json(got));
  }

  /** null when a stream carried the expected message exactly twice. */
  public static String streamDiff(Message expected, List<? extends Message> got) {
    if (got.size() != 2) return "expected the sample twice, got " + got.size() + " message(s)";
    String first = diff(expected, got.get(0));
    return first != null ? first : diff(expected, got.get(1));
  }

  /** The metadata of an exercise call. */
  public static Metadata marker() {
    Metadata headers = new Metadata();
    headers.put(MARKER, "1");
    return headers;
  }

  /** Whether the call being served is an exercise call (set by {@link #interceptor()}). */
  public static boolean marked() {
    return Boolean.TRUE.equals(MARKED.get());
  }

  /** Notes, per call, whether it carries the exercise marker. */
  public static ServerInterceptor interceptor() {
    return new ServerInterceptor() {
      @Override
      public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
          ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        Context context = Context.current().withValue(MARKED, headers.containsKey(MARKER));
        return Contexts.interceptCall(context, call, headers, next);
      }
    };
  }

  /** INVALID_ARGUMENT: the request of an exercise call is not the sample. */
  public static StatusRuntimeException invalid(String method, String what, String problem) {
    return Status.INVALID_ARGUMENT
        .withDescription(method + ": the request" + what + " differs from the sample: " + problem)
        .asRuntimeException();
  }

  /** A handler's exception as a gRPC status: its own when it has one, else INTERNAL. */
  public static StatusRuntimeException failure(Throwable e) {
    if (e instanceof StatusRuntimeException s) return s;
    if (e instanceof io.grpc.StatusException s) return s.getStatus().asRuntimeException(s.getTrailers());
    return Status.INTERNAL.withDescription(String.valueOf(e.getMessage())).withCause(e).asRuntimeException();
  }
}
`,
  );
}

function problem(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.plumbing,
    'Problem',
    `${HEADER}
package ${p.plumbing};

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error answer of a REST endpoint, sent as RFC 9457 application/problem+json: throw
 * {@code new Problem(404, "no such order")} from a handler.
 */
public class Problem extends ErrorResponseException {
  public Problem(int status, String detail) {
    super(HttpStatusCode.valueOf(status), ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail), null);
  }
}
`,
  );
}

function problems(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.plumbing,
    'Problems',
    `${HEADER}
package ${p.plumbing};

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error answer as RFC 9457 application/problem+json: a {@link Problem} a handler throws, a
 * parameter that does not fit its type (400), a body that does not fit the contract (422), and
 * any other failure (500).
 */
@RestControllerAdvice
public class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private static ResponseEntity<ProblemDetail> send(HttpStatusCode status, ProblemDetail body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private static ResponseEntity<ProblemDetail> send(int status, String detail) {
    HttpStatusCode code = HttpStatusCode.valueOf(status);
    return send(code, ProblemDetail.forStatusAndDetail(code, detail));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    return send(422, "the body does not fit the contract: " + Exercise.shorten(String.valueOf(cause.getMessage())));
  }

  @ExceptionHandler(TypeMismatchException.class)
  public ResponseEntity<ProblemDetail> mismatch(TypeMismatchException e) {
    String name = e.getPropertyName() == null ? "a parameter" : "parameter " + e.getPropertyName();
    return send(400, name + ": " + Exercise.shorten(String.valueOf(e.getValue())) + " does not fit its type");
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> other(Exception e) {
    if (e instanceof ErrorResponse known) return send(known.getStatusCode(), known.getBody());
    LOG.error("request failed", e);
    return send(HttpStatus.INTERNAL_SERVER_ERROR.value(), String.valueOf(e.getMessage()));
  }
}
`,
  );
}

/** The exercise files of a Java stub: Exercise always, Protos with gRPC, the problems with REST endpoints. */
export function exerciseFiles(p: JavaPlan): GeneratedFile[] {
  return [
    exercise(p),
    ...(p.features.grpc ? [protos(p)] : []),
    ...(p.endpoints.length > 0 ? [problem(p), problems(p)] : []),
  ];
}
