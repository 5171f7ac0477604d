import { RPC_KIND_WORDS, rpcKind, sampleOfType, type EndpointContract } from '../../../model/contracts';
import { endpointLabel, paramSample, payloadSample } from '../python/typed';
import { goImports } from './brokers';
import { endpointArgs, endpointResult, endpointSignature } from './handlers';
import { goCamelCase } from './names';
import type { GoGrpcLink, GoPlan, GoRestLink } from './plan';
import { GoImports, goJson, goParamType, goPayloadType, successStatus } from './typed';

/** The Go expression of an endpoint's URL path, with path parameters escaped. */
function pathExpr(e: EndpointContract, args: Map<EndpointContract['params'][number], string>): string {
  const parts = e.path.split(/(\{[^}]*\})/).filter((s) => s !== '');
  const expr = parts
    .map((s) => {
      const m = /^\{(.*)\}$/.exec(s);
      if (!m) return JSON.stringify(s);
      const p = e.params.find((x) => x.in === 'path' && x.name === m[1]);
      const n = p && args.get(p);
      return n ? `pathValue(${n})` : '""';
    })
    .join('+');
  return expr || '"/"';
}

/** The methods of a REST client: one per endpoint the link uses, unique. */
function methodNames(r: GoRestLink): Map<EndpointContract, string> {
  const taken = new Set(['Ping', 'Exercise', 'do']);
  const out = new Map<EndpointContract, string>();
  for (const e of r.t.used) {
    let n = e.names.pascal;
    for (let i = 2; taken.has(n); i++) n = `${e.names.pascal}${i}`;
    taken.add(n);
    out.set(e, n);
  }
  return out;
}

function restMethod(r: GoRestLink, e: EndpointContract, name: string): string {
  const args = endpointArgs(e);
  const q = [...args].filter(([p]) => p.in === 'query');
  const h = [...args].filter(([p]) => p.in === 'header');
  const lines = [
    ...(q.length
      ? ['\tq := url.Values{}', ...q.map(([p, n]) => `\taddValues(q, ${JSON.stringify(p.name)}, ${n})`)]
      : []),
    ...(h.length
      ? ['\th := http.Header{}', ...h.map(([p, n]) => `\taddValues(h, ${JSON.stringify(p.name)}, ${n})`)]
      : []),
  ];
  const call = `c.do(ctx, ${JSON.stringify(e.method)}, ${pathExpr(e, args)}, ${q.length ? 'q' : 'nil'}, ${h.length ? 'h' : 'nil'}, ${e.body ? 'body' : 'nil'}, ${e.success.body ? '&out' : 'nil'})`;
  const body = e.success.body
    ? `\tvar out ${goPayloadType(e.success.body, 'api.')}\n\terr := ${call}\n\treturn out, err`
    : `\treturn ${call}`;
  return `// ${name} calls ${e.method} ${e.path} on ${r.t.target}; an error answer is an *HTTPError.
func (c *${r.client}) ${name}(${['ctx context.Context', ...endpointSignature(e)].join(', ')}) ${endpointResult(e)} {
${[...lines, body].join('\n')}
}`;
}

function restExercise(r: GoRestLink, names: Map<EndpointContract, string>): string {
  const runs = r.t.used.map((e) => {
    const args = [...endpointArgs(e)].map(
      ([p]) => `api.Sample[${goParamType(p, 'api.')}](${goJson(paramSample(e, p))})`,
    );
    if (e.body) args.push(`api.Sample[${goPayloadType(e.body, 'api.')}](${goJson(payloadSample(e.body))})`);
    const call = `c.${names.get(e) ?? 'call'}(${['withStatus(ctx, &status)', ...args].join(', ')})`;
    const status = successStatus(e);
    const check = e.success.body
      ? `got, err := ${call}
			if err != nil || status != ${status} {
				return statusDiff(${status}, status), err
			}
			return contract.JSONDiff(json.RawMessage(${goJson(payloadSample(e.success.body))}), got), nil`
      : `err := ${call}
			return statusDiff(${status}, status), err`;
    return `		contract.Run(${JSON.stringify(endpointLabel(e))}, func() (string, error) {
			var status int
			${check}
		}),`;
  });
  return `// Exercise calls every endpoint this link uses with the sample request and checks the answers.
func (c *${r.client}) Exercise(ctx context.Context) []contract.Method {
	ctx = contract.Mark(ctx)
	return []contract.Method{${runs.length ? `\n${runs.join('\n')}\n\t` : ''}}
}`;
}

function restClient(r: GoRestLink): string {
  const names = methodNames(r);
  const methods = r.t.used.map((e) => restMethod(r, e, names.get(e) ?? 'Call'));
  return `// ${r.client} calls ${r.t.target} over REST at ${r.t.call.envVar}.
type ${r.client} struct{ restClient }

// New${r.client} reads ${r.t.call.envVar}.
func New${r.client}() *${r.client} {
	return &${r.client}{newRestClient(${JSON.stringify(r.t.call.envVar)})}
}
${[...methods, restExercise(r, names)].map((m) => `\n${m}\n`).join('')}`;
}

const REST_BASE = `// restClient is the shared part of the typed REST clients.
type restClient struct {
	BaseURL string
	HTTP    *http.Client
}

// HTTPError is an error answer of a REST target.
type HTTPError struct {
	Status int
	Body   string
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("HTTP %d: %s", e.Status, contract.Short(e.Body))
}

// sharedHTTP is the service's one HTTP client: its transport keeps the connections to the REST
// targets open between calls, up to 64 idle ones per target (Go's default keeps 2, so concurrent
// calls would otherwise open and close a connection each).
var sharedHTTP = &http.Client{Timeout: 10 * time.Second, Transport: func() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return t
}()}

type statusKey struct{}

// withStatus makes the call record the HTTP status of its answer in *status.
func withStatus(ctx context.Context, status *int) context.Context {
	return context.WithValue(ctx, statusKey{}, status)
}

// statusDiff is empty when an answer has the declared success status, else what differs.
func statusDiff(want, got int) string {
	if got == want {
		return ""
	}
	return fmt.Sprintf("expected HTTP %d, got HTTP %d", want, got)
}

func newRestClient(envVar string) restClient {
	return restClient{BaseURL: strings.TrimRight(os.Getenv(envVar), "/"), HTTP: sharedHTTP}
}

// Ping calls the target's /ping with the hop path and returns its answer tree.
func (c restClient) Ping(ctx context.Context, path []string) (json.RawMessage, error) {
	var tree json.RawMessage
	q := url.Values{"path": {strings.Join(path, ",")}}
	err := c.do(ctx, http.MethodGet, "/ping", q, nil, nil, &tree)
	return tree, err
}

// values is the text of a parameter: none when unset, one per element of a list.
func values(v any) []string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	switch {
	case !rv.IsValid():
		return nil
	case rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() != reflect.Uint8:
		var out []string
		for i := range rv.Len() {
			out = append(out, values(rv.Index(i).Interface())...)
		}
		return out
	case rv.Kind() == reflect.String:
		return []string{rv.String()}
	}
	raw, err := json.Marshal(rv.Interface())
	if err != nil {
		return nil
	}
	return []string{string(raw)}
}

func addValues(to map[string][]string, name string, v any) {
	for _, s := range values(v) {
		to[name] = append(to[name], s)
	}
}

func pathValue(v any) string {
	if s := values(v); len(s) > 0 {
		return url.PathEscape(s[0])
	}
	return ""
}

func (c restClient) do(ctx context.Context, method, path string, query url.Values, header http.Header, body, out any) error {
	if c.BaseURL == "" {
		return errors.New("the target's URL variable is not set")
	}
	var reader io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reader = bytes.NewReader(raw)
	}
	target := c.BaseURL + path
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, target, reader)
	if err != nil {
		return err
	}
	for name, vs := range header {
		req.Header[name] = vs
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if contract.Marked(ctx) {
		req.Header.Set(contract.Header, "1")
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if status, ok := ctx.Value(statusKey{}).(*int); ok {
		*status = resp.StatusCode
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return &HTTPError{Status: resp.StatusCode, Body: string(raw)}
	}
	if out == nil || len(bytes.TrimSpace(raw)) == 0 {
		return nil
	}
	return json.Unmarshal(raw, out)
}`;

/** clients/rest.go: one typed client per REST link, with a method per endpoint it uses and its exercise. */
export function restClientsGo(plan: GoPlan): string {
  const usesApi = plan.rest.some((r) => r.t.used.length > 0);
  return `// Code generated by Polyglot Canvas. DO NOT EDIT: regenerate from the design instead.

// Package clients holds typed clients of the services this one calls; handlers may use them.
package clients

${goImports(
  [
    'bytes',
    'context',
    'encoding/json',
    'errors',
    'fmt',
    'io',
    'net/http',
    'net/url',
    'os',
    'reflect',
    'strings',
    'time',
  ],
  [...(usesApi ? [`${plan.module}/api`] : []), `${plan.module}/internal/contract`],
)}
${REST_BASE}
${plan.rest.map((r) => `\n${restClient(r)}`).join('')}`;
}

function grpcTarget(plan: GoPlan, l: GoGrpcLink, imp: GoImports): string {
  const g = l.g;
  const conn = `${l.name.charAt(0).toLowerCase()}${l.name.slice(1)}Conn`;
  const ping = plan.pkgs.get('polyglot/ping/v1');
  const pingAlias = ping?.alias ?? 'pingv1';
  if (ping) imp.use(`${ping.alias} "${ping.importPath}"`);
  const getters = g.services.map((s) => {
    const alias = imp.pkg(s.file);
    const goSvc = goCamelCase(s.name);
    const fn = g.services.length > 1 ? `${l.name}${s.names.pascal}Grpc` : `${l.name}Grpc`;
    return `// ${fn} is the typed gRPC client of ${s.fullName} on ${g.target}.
func ${fn}() (${alias}.${goSvc}Client, error) {
	conn, err := ${conn}()
	if err != nil {
		return nil, err
	}
	return ${alias}.New${goSvc}Client(conn), nil
}`;
  });
  const pingCall = g.typed
    ? `resp, err := ${pingAlias}.NewPingServiceClient(conn).Ping(ctx, &${pingAlias}.PingRequest{Path: path})`
    : `// ${g.target} is not converted to the typed contracts yet: its in-service Ping
	resp := new(${pingAlias}.PingResponse)
	err = conn.Invoke(ctx, ${JSON.stringify(g.legacyPing)}, &${pingAlias}.PingRequest{Path: path}, resp)`;
  const runs = g.used.map((r) => {
    const req = imp.message(r.request);
    const res = imp.message(r.response);
    const client = `${imp.pkg(r.service.file)}.New${goCamelCase(r.service.name)}Client(conn)`;
    const reqS = `contract.Sample[${req}](${goJson(sampleOfType(r.request))})`;
    const resS = `contract.Sample[${res}](${goJson(sampleOfType(r.response))})`;
    const m = goCamelCase(r.name);
    const fail = `if err != nil {
				return "", contract.StatusText(err)
			}`;
    let body: string;
    switch (rpcKind(r)) {
      case 'unary':
        body = `got, err := ${client}.${m}(ctx, ${reqS})
			${fail}
			return contract.ProtoDiff(${resS}, got), nil`;
        break;
      case 'server':
        body = `stream, err := ${client}.${m}(ctx, ${reqS})
			${fail}
			got, err := contract.Collect(stream.Recv)
			${fail}
			return contract.StreamDiff(${resS}, got), nil`;
        break;
      case 'client':
        body = `stream, err := ${client}.${m}(ctx)
			${fail}
			for range 2 {
				if err := stream.Send(${reqS}); err != nil {
					break
				}
			}
			got, err := stream.CloseAndRecv()
			${fail}
			return contract.ProtoDiff(${resS}, got), nil`;
        break;
      case 'bidi':
        body = `stream, err := ${client}.${m}(ctx)
			${fail}
			for range 2 {
				if err := stream.Send(${reqS}); err != nil {
					break
				}
			}
			if err := stream.CloseSend(); err != nil {
				return "", contract.StatusText(err)
			}
			got, err := contract.Collect(stream.Recv)
			${fail}
			return contract.StreamDiff(${resS}, got), nil`;
        break;
    }
    return `		// ${r.service.fullName}/${r.name} (${RPC_KIND_WORDS[rpcKind(r)]})
		contract.Run(${JSON.stringify(r.name)}, func() (string, error) {
			if dialErr != nil {
				return "", dialErr
			}
			${body}
		}),`;
  });
  return `var ${conn} = sync.OnceValues(func() (*grpc.ClientConn, error) {
	return dial(${JSON.stringify(g.call.envVar)})
})
${getters.map((x) => `\n${x}\n`).join('')}
// ${l.name}GrpcPing calls the contract's Ping on ${g.target}${g.typed ? ' (polyglot.ping.v1.PingService)' : ''} and answers its tree as JSON text.
func ${l.name}GrpcPing(ctx context.Context, path []string) (string, error) {
	conn, err := ${conn}()
	if err != nil {
		return "", err
	}
	${pingCall}
	if err != nil {
		return "", err
	}
	return resp.GetTreeJson(), nil
}

// ${l.name}GrpcExercise calls every RPC this link uses with the sample request and checks the answers.
func ${l.name}GrpcExercise(ctx context.Context) []contract.Method {
	conn, dialErr := ${conn}()
	ctx = contract.MarkGrpc(ctx)
	return []contract.Method{${runs.length ? `\n${runs.join('\n')}\n\t` : ''}}
}
`;
}

/** clients/grpc.go: one lazily dialled connection per gRPC link, typed clients, Ping and the exercise. */
export function grpcClientsGo(plan: GoPlan): string {
  const imp = new GoImports(plan.pkgs);
  const body = plan.grpc.map((l) => grpcTarget(plan, l, imp));
  const own = imp.list().filter((x) => x.includes(plan.module));
  const third = imp.list().filter((x) => !x.includes(plan.module));
  return `// Code generated by Polyglot Canvas. DO NOT EDIT: regenerate from the design instead.

package clients

${goImports(
  [
    'context',
    'errors',
    'os',
    'sync',
    '',
    'google.golang.org/grpc',
    'google.golang.org/grpc/credentials/insecure',
    ...third,
  ],
  [...own, `${plan.module}/internal/contract`],
)}
// dial makes a plaintext client connection; it connects on first use and reconnects by itself.
func dial(envVar string) (*grpc.ClientConn, error) {
	addr := os.Getenv(envVar)
	if addr == "" {
		return nil, errors.New(envVar + " is not set")
	}
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
${body.map((b) => `\n${b}`).join('')}`;
}
