import { RPC_KIND_WORDS, rpcKind, sampleOfType, type GrpcContract, type RpcContract } from '../../../model/contracts';
import { goImports } from './brokers';
import { goCamelCase } from './names';
import type { GoPlan } from './plan';
import { GoImports, goJson } from './typed';

/**
 * Whether the .proto of an own service has the compatibility layer's in-service `Ping` that the
 * proto writer adds (it is not one of the service's RPCs): the Go server must implement it.
 */
export function hasInServicePing(plan: GoPlan, s: GrpcContract): boolean {
  if (s.rpcs.some((r) => r.name === 'Ping')) return false;
  const content = plan.protos.find((f) => f.path === s.file)?.content ?? '';
  const start = content.search(new RegExp(`^service\\s+${s.name}\\s*\\{`, 'm'));
  if (start < 0) return false;
  const end = content.indexOf('\n}', start);
  return /^\s*rpc\s+Ping\s*\(/m.test(content.slice(start, end < 0 ? undefined : end));
}

function method(plan: GoPlan, impl: string, r: RpcContract, imp: GoImports): string {
  const req = imp.message(r.request);
  const res = imp.message(r.response);
  const reqS = `contract.Sample[${req}](${goJson(sampleOfType(r.request))})`;
  const resS = `contract.Sample[${res}](${goJson(sampleOfType(r.response))})`;
  const m = goCamelCase(r.name);
  const h = `handlers.${plan.rpcHandlers.get(r) ?? 'Rpc'}`;
  const name = JSON.stringify(r.name);
  const doc = `// ${m} serves ${r.service.fullName}/${r.name} (${RPC_KIND_WORDS[rpcKind(r)]}): an exercise call is
// checked and answered here, any other call by ${h}.`;
  switch (rpcKind(r)) {
    case 'unary':
      return `${doc}
func (${impl}) ${m}(ctx context.Context, req *${req}) (*${res}, error) {
	if contract.Exercised(ctx) {
		if problem := contract.ProtoDiff(${reqS}, req); problem != "" {
			return nil, contract.Invalid(${name}, "", problem)
		}
		return ${resS}, nil
	}
	return ${h}(ctx, req)
}`;
    case 'server':
      return `${doc}
func (${impl}) ${m}(req *${req}, stream grpc.ServerStreamingServer[${res}]) error {
	if contract.Exercised(stream.Context()) {
		if problem := contract.ProtoDiff(${reqS}, req); problem != "" {
			return contract.Invalid(${name}, "", problem)
		}
		for range 2 {
			if err := stream.Send(${resS}); err != nil {
				return err
			}
		}
		return nil
	}
	return ${h}(req, stream)
}`;
    case 'client':
      return `${doc}
func (${impl}) ${m}(stream grpc.ClientStreamingServer[${req}, ${res}]) error {
	if contract.Exercised(stream.Context()) {
		got, err := contract.Collect(stream.Recv)
		if err != nil {
			return err
		}
		if problem := contract.StreamDiff(${reqS}, got); problem != "" {
			return contract.Invalid(${name}, " stream", problem)
		}
		return stream.SendAndClose(${resS})
	}
	return ${h}(stream)
}`;
    case 'bidi':
      return `${doc}
func (${impl}) ${m}(stream grpc.BidiStreamingServer[${req}, ${res}]) error {
	if contract.Exercised(stream.Context()) {
		seen := 0
		for {
			req, err := stream.Recv()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			if problem := contract.ProtoDiff(${reqS}, req); problem != "" {
				return contract.Invalid(${name}, " stream", problem)
			}
			seen++
			if err := stream.Send(${resS}); err != nil {
				return err
			}
		}
		if seen != 2 {
			return contract.Invalid(${name}, " stream", fmt.Sprintf("expected the sample twice, got %d message(s)", seen))
		}
		return nil
	}
	return ${h}(stream)
}`;
  }
}

/**
 * internal/plumbing/grpc.go: the node's gRPC services (every RPC, streaming ones too), the ping
 * contract polyglot.ping.v1.PingService, the compatibility layer's in-service Ping, health and
 * server reflection.
 */
export function grpcServerGo(plan: GoPlan): string {
  const imp = new GoImports(plan.pkgs);
  const ping = plan.pkgs.get('polyglot/ping/v1');
  const pingAlias = ping?.alias ?? 'pingv1';
  if (ping) imp.use(`${ping.alias} "${ping.importPath}"`);
  const services = plan.sp.services;
  const parts: string[] = [];
  const registers: string[] = [];
  let inServicePing = false;
  services.forEach((s, i) => {
    const impl = `service${i}`;
    const alias = imp.pkg(s.file);
    const svc = goCamelCase(s.name);
    parts.push(`// ${impl} serves ${s.fullName}; the RPC bodies live in package handlers.
type ${impl} struct {
	${alias}.Unimplemented${svc}Server
}`);
    for (const r of s.rpcs) parts.push(method(plan, impl, r, imp));
    if (hasInServicePing(plan, s)) {
      if (s.fullName === plan.sp.legacyService) inServicePing = true;
      parts.push(`// Ping is the compatibility layer's in-service Ping: the same tree as GET /ping, as JSON text.
func (${impl}) Ping(ctx context.Context, req *${alias}.PingRequest) (*${alias}.PingResponse, error) {
	tree, err := treeJSON(ctx, req.GetPath())
	return &${alias}.PingResponse{TreeJson: tree}, err
}`);
    }
    registers.push(`\t${alias}.Register${svc}Server(s, ${impl}{})`);
  });
  // the in-service Ping of the compatibility layer, at its own path, for callers not converted yet
  const legacy =
    plan.sp.legacyService !== null && !inServicePing && !services.some((s) => s.fullName === plan.sp.legacyService)
      ? plan.sp.legacyService
      : null;
  const kinds = new Set(services.flatMap((s) => s.rpcs.map(rpcKind)));
  const std = ['context', 'encoding/json', 'net', 'time', ...(kinds.has('bidi') ? ['errors', 'fmt', 'io'] : [])];
  const third = [
    'google.golang.org/grpc',
    'google.golang.org/grpc/health',
    'healthpb "google.golang.org/grpc/health/grpc_health_v1"',
    'google.golang.org/grpc/reflection',
    ...imp.list().filter((x) => !x.includes(plan.module)),
  ];
  const own = [
    ...imp.list().filter((x) => x.includes(plan.module)),
    ...(services.some((s) => s.rpcs.length > 0) ? [`${plan.module}/handlers`, `${plan.module}/internal/contract`] : []),
  ];
  const served = [...services.map((s) => s.fullName), 'polyglot.ping.v1.PingService'];
  return `// Code generated by Polyglot Canvas. DO NOT EDIT: your code goes in handlers/.

package plumbing

${goImports([...std, '', ...third], own)}
// treeJSON is the answer of every Ping: the same tree as GET /ping, as JSON text.
func treeJSON(ctx context.Context, path []string) (string, error) {
	tree, err := json.Marshal(Ping(ctx, path))
	return string(tree), err
}

// pingServer serves polyglot.ping.v1.PingService, the ping contract.
type pingServer struct {
	${pingAlias}.UnimplementedPingServiceServer
}

// Ping answers the same tree as GET /ping, as JSON text.
func (pingServer) Ping(ctx context.Context, req *${pingAlias}.PingRequest) (*${pingAlias}.PingResponse, error) {
	tree, err := treeJSON(ctx, req.GetPath())
	return &${pingAlias}.PingResponse{TreeJson: tree}, err
}
${parts.map((p) => `\n${p}\n`).join('')}${
    legacy
      ? `
// legacyPing is the compatibility layer's in-service Ping (${legacy}/Ping), with the messages
// of polyglot.ping.v1 (the same on the wire), for callers not converted to the typed contracts yet.
var legacyPing = grpc.ServiceDesc{
	ServiceName: ${JSON.stringify(legacy)},
	HandlerType: (*any)(nil),
	Methods: []grpc.MethodDesc{{
		MethodName: "Ping",
		Handler: func(_ any, ctx context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
			req := new(${pingAlias}.PingRequest)
			if err := dec(req); err != nil {
				return nil, err
			}
			return pingServer{}.Ping(ctx, req)
		},
	}},
	Streams:  []grpc.StreamDesc{},
	Metadata: "polyglot/ping/v1/ping.proto",
}
`
      : ''
  }
func serveGrpc(port string, errc chan<- error) (func(), error) {
	lis, err := net.Listen("tcp", ":"+port)
	if err != nil {
		return nil, err
	}
	s := grpc.NewServer()
${registers.join('\n')}
	${pingAlias}.RegisterPingServiceServer(s, pingServer{})${legacy ? '\n\ts.RegisterService(&legacyPing, nil)' : ''}
	// the standard health service (Kubernetes grpc: probes, grpcurl) and server reflection
	hs := health.NewServer()
	services := []string{""${served.map((n) => `, ${JSON.stringify(n)}`).join('')}}
	for _, name := range services {
		hs.SetServingStatus(name, healthpb.HealthCheckResponse_NOT_SERVING)
	}
	healthpb.RegisterHealthServer(s, hs)
	reflection.Register(s)
	go trackReadiness(hs, services)
	go func() { errc <- s.Serve(lis) }()
	return func() {
		hs.Shutdown()
		s.GracefulStop()
	}, nil
}

// trackReadiness makes health follow /readyz: SERVING while every broker and database answers,
// else NOT_SERVING; checked every two seconds until the server shuts down.
func trackReadiness(hs *health.Server, services []string) {
	for {
		status := healthpb.HealthCheckResponse_SERVING
		if len(unreachable()) > 0 {
			status = healthpb.HealthCheckResponse_NOT_SERVING
		}
		for _, name := range services {
			hs.SetServingStatus(name, status)
		}
		time.Sleep(2 * time.Second)
	}
}
`;
}
