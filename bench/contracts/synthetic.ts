/**
 * A large, realistic set of `.proto` files for the import benchmark: `files` files in packages of
 * their own, each importing a shared common file, with nested messages, enums, maps, repeated
 * fields, oneofs, optional fields, well-known types and streaming RPCs.
 */
export function syntheticProtos(messages = 200, services = 50, files = 10): Record<string, string> {
  const out: Record<string, string> = {};
  const servicesPerFile = Math.ceil(services / files);
  out['bench/common/v1/common.proto'] = [
    'syntax = "proto3";',
    'package bench.common.v1;',
    'message Money { string currency_code = 1; int64 units = 2; int32 nanos = 3; }',
    'message Address { string street = 1; string city = 2; string country = 3; int32 zip = 4; }',
    'message PageRequest { int32 size = 1; string token = 2; }',
    'message Audit { string by = 1; map<string, string> labels = 2; }',
    '',
  ].join('\n');
  let made = 4;
  let servicesMade = 0;
  for (let f = 0; f < files; f++) {
    const pkg = `bench.area${f}.v1`;
    const lines = [
      'syntax = "proto3";',
      `package ${pkg};`,
      'import "google/protobuf/timestamp.proto";',
      'import "google/protobuf/empty.proto";',
      'import "bench/common/v1/common.proto";',
      '',
      `enum State${f} { STATE${f}_UNSPECIFIED = 0; STATE${f}_OPEN = 1; STATE${f}_CLOSED = 2; }`,
      '',
    ];
    const names: string[] = [];
    // files share the messages out evenly: the first `until` messages are made by the end of file f
    const until = 4 + Math.round(((f + 1) * (messages - 4)) / files);
    for (let m = 0; made < until; m++) {
      const name = `Entity${f}x${m}`;
      names.push(name);
      const nested = m % 4 === 0 && made + 2 <= until;
      lines.push(
        `// ${name} is entity ${m} of area ${f}.`,
        `message ${name} {`,
        '  string id = 1;',
        '  bench.common.v1.Money price = 2;',
        '  repeated string tags = 3;',
        '  map<string, int64> counters = 4;',
        `  State${f} state = 5;`,
        '  google.protobuf.Timestamp updated_at = 6;',
        '  optional int32 rank = 7;',
        '  oneof where { bench.common.v1.Address address = 8; string url = 9; }',
        m > 0 ? `  repeated ${names[m - 1]} related = 10;` : '  bytes blob = 10;',
        ...(nested
          ? ['  Detail detail = 11;', '  message Detail { string note = 1; repeated double samples = 2; }']
          : []),
        '  reserved 20 to 29;',
        '}',
      );
      made += nested ? 2 : 1;
    }
    for (let s = 0; s < servicesPerFile && servicesMade < services; s++, servicesMade++) {
      const a = names[s % names.length] ?? 'Entity';
      const b = names[(s + 1) % names.length] ?? a;
      lines.push(
        `service Area${f}Service${s} {`,
        `  rpc Get${a}(${a}) returns (${b});`,
        `  rpc List${a}(bench.common.v1.PageRequest) returns (stream ${a});`,
        `  rpc Put${b}(stream ${b}) returns (google.protobuf.Empty);`,
        `  rpc Sync${a}(stream ${a}) returns (stream ${a});`,
        '}',
      );
    }
    out[`bench/area${f}/v1/area${f}.proto`] = lines.join('\n') + '\n';
  }
  return out;
}
