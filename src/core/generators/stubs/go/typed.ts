import type {
  EndpointContract,
  JsonValue,
  ParamContract,
  PayloadContract,
  ResolvedDesignType,
  ResolvedField,
  ResolvedType,
} from '../../../model/contracts';
import { successCode } from '../../../model/contracts';
import { jsonScalarClass } from '../../../model/typeRefs';
import type { GeneratedFile } from '../../types';
import { goAlign, goCamelCase } from './names';

/**
 * The typed contracts in Go: the Go packages protoc writes for the contract protos, the Go types
 * of protobuf messages, the JSON structs of the REST bodies (package api) and the Go literals of
 * samples.
 */

/** Identifiers of the imports the generated files use: a proto package never takes one. */
const TAKEN_ALIASES = new Set([
  'api',
  'contract',
  'handlers',
  'clients',
  'plumbing',
  'grpc',
  'codes',
  'status',
  'metadata',
  'context',
  'json',
  'http',
  'proto',
  'protojson',
  'health',
  'healthpb',
  'reflection',
  'emptypb',
  'timestamppb',
  'durationpb',
  'structpb',
  'anypb',
  'fieldmaskpb',
  'wrapperspb',
  'errors',
  'fmt',
  'log',
  'net',
  'os',
  'time',
  'strings',
  'sync',
  'url',
  'io',
  'bytes',
  'strconv',
  'slices',
  'reflect',
  'insecure',
  'main',
]);

/** The Go package protoc writes for the contract files of one proto folder. */
export interface GoPkg {
  /** The folder relative to the proto root, e.g. `shop/orders/v1`. */
  dir: string;
  importPath: string;
  alias: string;
}

/** The Go packages of the contract protos, one per folder, by folder. */
export function goPkgs(module: string, files: readonly GeneratedFile[]): Map<string, GoPkg> {
  const out = new Map<string, GoPkg>();
  const aliases = new Set<string>();
  const dirs = [...new Set(files.map((f) => f.path.split('/').slice(0, -1).join('/')))].sort();
  for (const dir of dirs) {
    const parts = dir.split('/').filter((s) => s !== '');
    const last = parts[parts.length - 1] ?? 'contract';
    const prev = parts[parts.length - 2];
    let base = (/^v\d+/.test(last) && prev ? `${prev}${last}` : last).toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!/^[a-z]/.test(base)) base = `pb${base}`;
    if (TAKEN_ALIASES.has(base)) base = `${base}pb`;
    let alias = base;
    for (let i = 2; aliases.has(alias); i++) alias = `${base}${i}`;
    aliases.add(alias);
    out.set(dir, { dir, importPath: `${module}/gen/${dir}`, alias });
  }
  return out;
}

const WKT_GO: Record<string, [string, string]> = {
  'google.protobuf.Timestamp': ['timestamppb', 'Timestamp'],
  'google.protobuf.Duration': ['durationpb', 'Duration'],
  'google.protobuf.Empty': ['emptypb', 'Empty'],
  'google.protobuf.Struct': ['structpb', 'Struct'],
  'google.protobuf.Value': ['structpb', 'Value'],
  'google.protobuf.ListValue': ['structpb', 'ListValue'],
  'google.protobuf.Any': ['anypb', 'Any'],
  'google.protobuf.FieldMask': ['fieldmaskpb', 'FieldMask'],
};

/** The imports of a Go file, as `alias "path"` lines. */
export class GoImports {
  readonly lines = new Set<string>();
  constructor(private readonly pkgs: Map<string, GoPkg>) {}

  /** The Go type (without `*`) protoc generates for a message (or well-known type). */
  message(t: ResolvedType): string {
    if (t.kind === 'wellKnown') {
      const [alias, name] = WKT_GO[t.name] ?? ['wrapperspb', t.name.replace(/^google\.protobuf\./, '')];
      this.lines.add(`${alias} "google.golang.org/protobuf/types/known/${alias}"`);
      return `${alias}.${name}`;
    }
    if (t.kind !== 'message') return 'emptypb.Empty';
    const m = t.type;
    const dir = m.file.split('/').slice(0, -1).join('/');
    const pkg = this.pkgs.get(dir);
    const rel = m.names.full.slice(m.package.length + 1);
    if (!pkg) return goCamelCase(rel);
    this.lines.add(`${pkg.alias} "${pkg.importPath}"`);
    return `${pkg.alias}.${goCamelCase(rel)}`;
  }

  /** The alias of the Go package of a contract file (imported). */
  pkg(file: string): string {
    const pkg = this.pkgs.get(file.split('/').slice(0, -1).join('/'));
    if (!pkg) return 'pb';
    this.lines.add(`${pkg.alias} "${pkg.importPath}"`);
    return pkg.alias;
  }

  use(line: string): void {
    this.lines.add(line);
  }

  list(): string[] {
    return [...this.lines];
  }
}

/** A Go string literal of a text: a raw string when it can be, else an interpreted one. */
export function goString(text: string): string {
  return /[`\r]/.test(text) || /[^\x20-\x7e\t\n]/.test(text) ? JSON.stringify(text) : `\`${text}\``;
}

/** A Go string literal of a sample's JSON text. */
export function goJson(v: JsonValue | undefined): string {
  return goString(JSON.stringify(v ?? null));
}

// Names the api package declares itself: a design type never takes one.
const API_TAKEN = new Set(['Message', 'Received', 'Problem', 'NewProblem', 'Sample']);

/** The Go name of a design type in package api. */
export function apiName(t: ResolvedDesignType): string {
  const n = t.names.pascal;
  return API_TAKEN.has(n) ? `${n}Type` : n;
}

/** The Go type of a JSON value of a type, in package api (`prefix` qualifies design types). */
export function goJsonType(t: ResolvedType, prefix = ''): string {
  switch (t.kind) {
    case 'scalar':
      return { string: 'string', bool: 'bool', int: 'int64', float: 'float64' }[jsonScalarClass(t.scalar)];
    case 'enum':
      return `${prefix}${apiName(t.type)}`;
    case 'message':
      return `${prefix}${apiName(t.type)}`;
    case 'wellKnown':
      switch (t.json) {
        case 'string':
          return 'string';
        case 'boolean':
          return 'bool';
        case 'integer':
          return 'int64';
        case 'number':
          return 'float64';
        default:
          // objects, lists and any value keep their JSON as it came
          return 'json.RawMessage';
      }
  }
}

/** Whether a JSON type is a pointer-free value whose zero means "not set" (scalars, enums). */
function isRaw(t: ResolvedType): boolean {
  return t.kind === 'wellKnown' && !['string', 'boolean', 'integer', 'number'].includes(t.json);
}

function fieldGo(f: ResolvedField): string {
  const t = goJsonType(f.type);
  if (f.cardinality === 'repeated') return `[]${t}`;
  if (f.cardinality === 'map') return `map[string]${t}`;
  if (f.type.kind === 'message') return `*${t}`;
  if (isRaw(f.type)) return t;
  return f.cardinality === 'optional' ? `*${t}` : t;
}

function fieldTag(f: ResolvedField): string {
  // lists and maps stay as they are (an empty one is a value); unset fields are left out
  const omit = f.cardinality === 'repeated' || f.cardinality === 'map' ? '' : ',omitempty';
  return `\`json:${JSON.stringify(`${f.jsonKey}${omit}`)}\``;
}

/** The Go type of a REST body or answer, qualified with `prefix`. */
export function goPayloadType(p: PayloadContract, prefix = ''): string {
  const t = goJsonType(p.type, prefix);
  if (p.repeated) return `[]${t}`;
  return p.type.kind === 'message' ? `*${t}` : t;
}

/** The Go type of a parameter: a pointer when it is optional, a slice when it repeats. */
export function goParamType(p: ParamContract, prefix = ''): string {
  const t = goJsonType(p.type, prefix);
  if (p.repeated) return `[]${t}`;
  if (p.type.kind === 'message') return `*${t}`;
  return p.required || isRaw(p.type) ? t : `*${t}`;
}

/** How a parameter's text becomes JSON: `int`, `float`, `bool`, `json` (messages, objects) or `string`. */
export function paramKind(t: ResolvedType): string {
  if (t.kind === 'scalar') return jsonScalarClass(t.scalar) === 'string' ? 'string' : jsonScalarClass(t.scalar);
  if (t.kind === 'enum') return 'string';
  if (t.kind === 'message') return 'json';
  return { string: 'string', boolean: 'bool', integer: 'int', number: 'float' }[t.json as string] ?? 'json';
}

/** api/models.go: the JSON types of the REST bodies, answers and parameters, and of the queue payloads. */
export function modelsGo(types: readonly ResolvedDesignType[]): string {
  const decls = types.map((t) => {
    const name = apiName(t);
    if (t.kind === 'enum') {
      const consts = goAlign(t.values.map((v) => [`${name}${v.pascal}`, name, `= ${JSON.stringify(v.name)}`]));
      return `// ${name} is the enum ${t.names.full}, by value name.
type ${name} string
${consts ? `\nconst (\n${consts}\n)\n` : ''}
// UnmarshalJSON accepts only the names of the values of ${t.names.full}.
func (e *${name}) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("${name}: expected a string, got %s", b)
	}
	values := []string{${t.values.map((v) => JSON.stringify(v.name)).join(', ')}}
	if !slices.Contains(values, s) {
		return fmt.Errorf("${name}: %q is not one of %s", s, strings.Join(values, ", "))
	}
	*e = ${name}(s)
	return nil
}`;
    }
    const body = goAlign(t.fields.map((f) => [f.names.pascal, fieldGo(f), fieldTag(f)]));
    return `// ${name} is the message ${t.names.full}, as JSON.
type ${name} struct${body ? ` {\n${body}\n}` : '{}'}`;
  });
  const enums = types.some((t) => t.kind === 'enum');
  const imports = [
    ...(enums || decls.some((d) => d.includes('json.RawMessage')) ? ['encoding/json'] : []),
    ...(enums ? ['fmt', 'slices', 'strings'] : []),
  ];
  const importBlock =
    imports.length === 0
      ? ''
      : imports.length === 1
        ? `\nimport "${imports[0]}"\n`
        : `\nimport (\n${imports.map((i) => `\t"${i}"\n`).join('')})\n`;
  return `// Code generated by Polyglot Canvas. DO NOT EDIT: regenerate from the design instead.

package api
${importBlock}${decls.map((d) => `\n${d}\n`).join('')}`;
}

/** Every design type reachable from REST endpoints and queue messages, first use first. */
export function jsonTypes(
  endpoints: readonly EndpointContract[],
  messages: readonly ResolvedType[],
): ResolvedDesignType[] {
  const out = new Map<string, ResolvedDesignType>();
  const visit = (t: ResolvedType) => {
    if (t.kind !== 'message' && t.kind !== 'enum') return;
    if (out.has(t.type.id)) return;
    out.set(t.type.id, t.type);
    if (t.type.kind === 'message') for (const f of t.type.fields) visit(f.type);
  };
  for (const e of endpoints) {
    for (const p of e.params) visit(p.type);
    if (e.body) visit(e.body.type);
    for (const r of e.responses) if (r.body) visit(r.body.type);
  }
  for (const m of messages) visit(m);
  return [...out.values()];
}

/** The HTTP status of an endpoint's successful answer. */
export function successStatus(e: EndpointContract): number {
  return successCode(e);
}

/** internal/contract/contract.go: the typed exercise, with no dependency beyond the standard library. */
export const CONTRACT_GO = `// Code generated by Polyglot Canvas. DO NOT EDIT: regenerate from the design instead.

// Package contract holds the typed exercise of the service contract (docs/stub-contract.md):
// /ping calls every RPC and endpoint of an outgoing link with the contract's deterministic sample
// data, marked with "polyglot-exercise: 1" (an HTTP header or gRPC metadata). The callee checks
// that what arrived equals the sample and answers the sample response; the caller checks the
// answer. User handlers are never called for it.
package contract

import (
	"context"
	"encoding/json"
	"reflect"
)

// Header marks an exercise call.
const Header = "polyglot-exercise"

type markKey struct{}

// Mark makes the REST calls made with ctx exercise calls.
func Mark(ctx context.Context) context.Context {
	return context.WithValue(ctx, markKey{}, true)
}

// Marked tells whether ctx is an exercise call's.
func Marked(ctx context.Context) bool {
	v, _ := ctx.Value(markKey{}).(bool)
	return v
}

// Method is one entry of the "methods" of a call in the /ping tree.
type Method struct {
	Name  string \`json:"name"\`
	OK    bool   \`json:"ok"\`
	Error string \`json:"error,omitempty"\`
}

// Run makes one exercise call: run answers what differs from the sample ("" when nothing does).
func Run(name string, run func() (string, error)) Method {
	problem, err := run()
	if err != nil {
		problem = err.Error()
	}
	if problem != "" {
		return Method{Name: name, OK: false, Error: problem}
	}
	return Method{Name: name, OK: true}
}

// Short cuts a text to 300 characters.
func Short(text string) string {
	if len(text) <= 300 {
		return text
	}
	return text[:297] + "..."
}

// clean is a JSON value without its unset fields (null object members); lists and maps stay.
func clean(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if e != nil {
				out[k] = clean(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = clean(e)
		}
		return out
	}
	return v
}

// plain is a value as JSON decodes it: maps, lists, float64, strings, bools and nil.
func plain(v any) (any, string) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err.Error()
	}
	var out any
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, err.Error()
	}
	return clean(out), ""
}

// JSONDiff is "" when two values are the same JSON (unset fields left out), else what differs.
func JSONDiff(expected, got any) string {
	a, err := plain(expected)
	if err != "" {
		return "the sample: " + err
	}
	b, err := plain(got)
	if err != "" {
		return "the answer: " + err
	}
	if reflect.DeepEqual(a, b) {
		return ""
	}
	at, _ := json.Marshal(a)
	bt, _ := json.Marshal(b)
	return "expected " + Short(string(at)) + ", got " + Short(string(bt))
}
`;

/** internal/contract/pb.go: the protobuf side of the exercise, for services that serve or call gRPC. */
export const CONTRACT_PB_GO = `// Code generated by Polyglot Canvas. DO NOT EDIT: regenerate from the design instead.

package contract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"strings"
	"unicode"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// Sample is the message of a sample's JSON form (protobuf's JSON mapping: int64, enums by name,
// bytes as base64, Timestamps and maps with integer keys mean the same in every language).
func Sample[T any, P interface {
	*T
	proto.Message
}](raw string) P {
	p := P(new(T))
	if err := (protojson.UnmarshalOptions{DiscardUnknown: true}).Unmarshal([]byte(raw), p); err != nil {
		log.Printf("the contract's sample %s does not fit %T: %v", Short(raw), p, err)
	}
	return p
}

// MarkGrpc makes the gRPC calls made with ctx exercise calls (metadata polyglot-exercise: 1).
func MarkGrpc(ctx context.Context) context.Context {
	return metadata.AppendToOutgoingContext(ctx, Header, "1")
}

// Exercised tells whether an incoming gRPC call is an exercise call.
func Exercised(ctx context.Context) bool {
	md, _ := metadata.FromIncomingContext(ctx)
	return len(md.Get(Header)) > 0
}

// Invalid is the INVALID_ARGUMENT answer to an exercise call whose request is not the sample.
func Invalid(method, what, problem string) error {
	return status.Error(codes.InvalidArgument, method+": the request"+what+" differs from the sample: "+problem)
}

func text(m proto.Message) string {
	b, err := protojson.MarshalOptions{UseProtoNames: true}.Marshal(m)
	if err != nil {
		return err.Error()
	}
	return strings.Join(strings.Fields(string(b)), " ")
}

// ProtoDiff is "" when a message equals the sample, else what differs.
func ProtoDiff(want, got proto.Message) string {
	if proto.Equal(want, got) {
		return ""
	}
	return "expected " + Short(text(want)) + ", got " + Short(text(got))
}

// StreamDiff is "" when a stream carried the sample exactly twice.
func StreamDiff[M proto.Message](want M, got []M) string {
	if len(got) != 2 {
		return fmt.Sprintf("expected the sample twice, got %d message(s)", len(got))
	}
	for _, m := range got {
		if d := ProtoDiff(want, m); d != "" {
			return d
		}
	}
	return ""
}

// Collect reads a stream to its end.
func Collect[M any](recv func() (M, error)) ([]M, error) {
	var out []M
	for {
		m, err := recv()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, m)
	}
}

// StatusText is a failed gRPC call as "CODE: detail" (INVALID_ARGUMENT, UNAVAILABLE ...).
func StatusText(err error) error {
	s, ok := status.FromError(err)
	if !ok {
		return err
	}
	var code strings.Builder
	prev := ' '
	for _, r := range s.Code().String() {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			code.WriteByte('_')
		}
		code.WriteRune(unicode.ToUpper(r))
		prev = r
	}
	return errors.New(code.String() + ": " + s.Message())
}
`;
