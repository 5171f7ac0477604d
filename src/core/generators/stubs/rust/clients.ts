import { fitOrBreak, RUST_WIDTH, rustStr } from './names';
import { endpointArgs, fnSig, answerType } from './handlers';
import type { RustEndpoint, RustPlan, RustRestTarget } from './plan';
import { Aliases } from './typed';

/** A call as rustfmt writes it at `indent`, followed by `.await` and `tail`. */
export function awaitCall(indent: number, lead: string, open: string, args: readonly string[], tail: string): string {
  const one = `${lead}${open}${args.join(', ')}).await${tail}`;
  if (indent + one.length <= RUST_WIDTH) return one;
  const pad = ' '.repeat(indent);
  return `${lead}${fitOrBreak(open, args, ')', indent)}\n${pad}.await${tail}`;
}

/** The struct of an endpoint's parameters and body, as the client takes them. */
function requestStruct(t: RustRestTarget, x: RustEndpoint): string {
  const fields = endpointArgs(x).map((a, i) => {
    const p = x.e.params[i];
    const [name = 'body', ...rest] = a.split(': ');
    const attrs: string[] = [];
    if (p && p.name !== name) attrs.push(`rename = ${rustStr(p.name)}`);
    if (!p || /^Option</.test(rest.join(': '))) attrs.push('skip_serializing_if = "Option::is_none"');
    return `${attrs.length ? `    #[serde(${attrs.join(', ')})]\n` : ''}    pub ${a},\n`;
  });
  return `/// The parameters and body of ${x.e.method} ${x.e.path} on ${t.dns}.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ${requestName(t, x)} {${fields.length ? `\n${fields.join('')}` : ''}}`;
}

export function requestName(t: RustRestTarget, x: RustEndpoint): string {
  return `${t.name}${x.e.names.pascal}Request`;
}

function restMethod(t: RustRestTarget, x: RustEndpoint): string {
  const lines: string[] = [];
  const q = x.e.params.map((p, i) => ({ p, n: x.args[i] ?? `p${i}` }));
  const query = q.filter((a) => a.p.in === 'query');
  const headers = q.filter((a) => a.p.in === 'header');
  lines.push(`let ${query.length ? 'mut ' : ''}query = Vec::new();`);
  for (const a of query) lines.push(`add(&mut query, ${rustStr(a.p.name)}, &request.${a.n});`);
  lines.push(`let ${headers.length ? 'mut ' : ''}headers = Vec::new();`);
  for (const a of headers) lines.push(`add(&mut headers, ${rustStr(a.p.name)}, &request.${a.n});`);
  const pathArgs: string[] = [];
  const fmt = x.e.path.replace(/\{([^}]*)\}/g, (_m, name: string) => {
    const a = q.find((y) => y.p.in === 'path' && y.p.name === name);
    pathArgs.push(a ? `seg(&request.${a.n})` : '""');
    return '{}';
  });
  const pathExpr = pathArgs.length
    ? `format!(${[rustStr(fmt), ...pathArgs].join(', ')})`
    : `${rustStr(fmt)}.to_string()`;
  lines.push(`let path = ${pathExpr};`);
  const body = x.e.body ? 'request.body.as_ref().map(serde_json::to_value).transpose()?' : 'None';
  if (x.e.body) lines.push(`let body = ${body};`);
  lines.push(
    awaitCall(
      8,
      '',
      'self.rest.send(',
      [`Method::${x.e.method}`, 'path', 'query', 'headers', x.e.body ? 'body' : 'None'],
      '',
    ),
  );
  return `    /// ${x.e.method} ${x.e.path} on ${t.dns}.
    ${fnSig(4, `pub async fn ${x.fn}(`, ['&self', `request: &${requestName(t, x)}`], `) -> Result<${answerType(x.e)}, BoxError> {`)}
        ${lines.join('\n        ')}
    }`;
}

function restClient(t: RustRestTarget): string {
  const structs = t.endpoints.map((x) => requestStruct(t, x));
  return `${structs.map((s) => `${s}\n\n`).join('')}/// Calls ${t.dns} over REST at ${t.envVar}.
#[derive(Clone)]
pub struct ${t.name}Client {
    rest: Rest,
}

impl ${t.name}Client {
    /// Reads ${t.envVar}.
    pub fn new() -> Self {
        Self { rest: Rest::new(${rustStr(t.envVar)}) }
    }

    /// The same client, marking its calls as exercise calls (see the project's service contract).
    pub fn marked(self) -> Self {
        Self { rest: Rest { marked: true, ..self.rest } }
    }

    /// The same client, for which a success answer with another status than \`status\` is an error.
    pub fn expecting(&self, status: u16) -> Self {
        Self { rest: Rest { expect: Some(status), ..self.rest.clone() } }
    }

    /// The target's /ping with the hop path: its answer tree.
    pub async fn ping(&self, path: &[String]) -> Result<Value, BoxError> {
        let query = vec![("path".to_string(), path.join(","))];
        self.rest.send(Method::GET, "/ping".to_string(), query, Vec::new(), None).await
    }
${t.endpoints.map((x) => `\n${restMethod(t, x)}\n`).join('')}}`;
}

const REST_COMMON = `/// The service's one HTTP client, made on first use: its pool keeps the connections to the REST
/// targets open between calls. Clones share it.
static HTTP: LazyLock<reqwest::Client> =
    LazyLock::new(|| reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap_or_default());

/// Percent-encodes a path segment or query value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A parameter's text: a string as it is, anything else as JSON.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

/// Adds a parameter to query or header pairs: nothing when unset, each element of a list.
fn add(pairs: &mut Vec<(String, String)>, name: &str, value: &impl Serialize) {
    match serde_json::to_value(value).unwrap_or(Value::Null) {
        Value::Null => {}
        Value::Array(items) => pairs.extend(items.iter().map(|v| (name.to_string(), text(v)))),
        v => pairs.push((name.to_string(), text(&v))),
    }
}

/// A path parameter, encoded.
fn seg(value: &impl Serialize) -> String {
    enc(&text(&serde_json::to_value(value).unwrap_or(Value::Null)))
}

/// An error answer of a REST call.
#[derive(Debug)]
pub struct HttpError {
    pub status: u16,
    pub body: String,
}

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HTTP {}: {}", self.status, short(&self.body))
    }
}

impl std::error::Error for HttpError {}

/// A REST target: its base URL, whether calls are marked as exercise calls, and the success status
/// they must answer (any 2XX when None).
#[derive(Clone)]
struct Rest {
    base: String,
    marked: bool,
    expect: Option<u16>,
}

impl Rest {
    fn new(env_var: &str) -> Self {
        let base = std::env::var(env_var).unwrap_or_default().trim_end_matches('/').to_string();
        Rest { base, marked: false, expect: None }
    }

    /// One call; the answer's JSON as T (an empty answer as null). An error status is an HttpError.
    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: String,
        query: Vec<(String, String)>,
        headers: Vec<(String, String)>,
        body: Option<Value>,
    ) -> Result<T, BoxError> {
        let qs: Vec<String> = query.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect();
        let url = if qs.is_empty() { format!("{}{path}", self.base) } else { format!("{}{path}?{}", self.base, qs.join("&")) };
        let mut builder = HTTP.request(method, url);
        for (k, v) in headers {
            builder = builder.header(k, v);
        }
        if self.marked {
            builder = builder.header(HEADER, "1");
        }
        if let Some(b) = body {
            builder = builder.json(&b);
        }
        let reply = builder.send().await?;
        let status = reply.status();
        let text = reply.text().await?;
        if !status.is_success() {
            return Err(HttpError { status: status.as_u16(), body: text }.into());
        }
        if let Some(want) = self.expect.filter(|want| *want != status.as_u16()) {
            return Err(format!("expected HTTP {want}, got HTTP {}", status.as_u16()).into());
        }
        Ok(serde_json::from_str(if text.trim().is_empty() { "null" } else { &text })?)
    }
}`;

const GRPC_COMMON = `static CHANNELS: LazyLock<Mutex<HashMap<&'static str, Channel>>> = LazyLock::new(Default::default);

/// The channel to the gRPC address in env_var: it connects on first use and reconnects.
pub fn channel(env_var: &'static str) -> Result<Channel, BoxError> {
    let mut channels = CHANNELS.lock().map_err(|e| e.to_string())?;
    if let Some(c) = channels.get(env_var) {
        return Ok(c.clone());
    }
    let addr = std::env::var(env_var)?;
    let channel = Endpoint::from_shared(format!("http://{addr}"))?.connect_timeout(Duration::from_secs(5)).connect_lazy();
    channels.insert(env_var, channel.clone());
    Ok(channel)
}

/// Calls a Ping RPC at rpc_path (the ping contract's, or the in-service one of a target that is not
/// converted to the typed contracts yet, with the same messages): the target's tree.
pub async fn ping_grpc(env_var: &'static str, rpc_path: &'static str, path: &[String]) -> Result<Value, BoxError> {
    let mut grpc = tonic::client::Grpc::new(channel(env_var)?);
    grpc.ready().await?;
    let request = tonic::Request::new(PingRequest { path: path.to_vec() });
    let rpc = http::uri::PathAndQuery::from_static(rpc_path);
    let reply: tonic::Response<PingResponse> = grpc.unary(request, rpc, tonic_prost::ProstCodec::default()).await?;
    Ok(serde_json::from_str(&reply.into_inner().tree_json)?)
}`;

/** A type alias as rustfmt writes it. */
function typeAlias(name: string, value: string): string {
  const lead = `pub type ${name} = `;
  if (lead.length + value.length + 1 <= RUST_WIDTH) return `${lead}${value};`;
  return `${lead.trimEnd()}\n    ${value};`;
}

/** src/clients.rs: typed clients of the services this one calls; handlers may use them. */
export function clientsRs(plan: RustPlan): string {
  const a = new Aliases();
  const parts: string[] = [];
  const rest = plan.rest.length > 0;
  const grpc = plan.grpc.length > 0;
  if (rest) parts.push(REST_COMMON, ...plan.rest.map(restClient));
  if (grpc) parts.push(GRPC_COMMON);
  for (const g of plan.grpc) {
    for (const c of g.clients) {
      const m = a.module(c.service.module);
      const alias = `${clientTypeName(g.fn, c.service.rust)}`;
      parts.push(`/// A typed client of ${c.service.contract.fullName} on ${g.dns}.
${typeAlias(alias, `${m}::${c.service.tonic}_client::${c.service.rust}Client<Channel>`)}

/// The typed gRPC client of ${c.service.contract.fullName} on ${g.dns}, at ${g.envVar}.
pub fn ${c.fn}() -> Result<${alias}, BoxError> {
    Ok(${alias}::new(channel(${rustStr(g.envVar)})?))
}`);
    }
  }
  const std = [
    ...(grpc ? ['use std::collections::HashMap;'] : []),
    `use std::sync::${grpc ? '{LazyLock, Mutex}' : 'LazyLock'};`,
    'use std::time::Duration;',
  ];
  const ext = [
    ...(rest
      ? ['use reqwest::Method;', 'use serde::de::DeserializeOwned;', 'use serde::{Deserialize, Serialize};']
      : []),
    'use serde_json::Value;',
    ...(grpc ? ['use tonic::codegen::http;', 'use tonic::transport::{Channel, Endpoint};'] : []),
  ];
  const crate = [
    'use crate::api::{self, BoxError};',
    ...(rest ? ['use crate::plumbing::exercise::{short, HEADER};'] : []),
    ...(grpc ? ['use crate::proto::polyglot::ping::v1::{PingRequest, PingResponse};'] : []),
  ];
  const groups = [std, ext, crate, a.uses()].filter((g) => g.length).map((g) => g.join('\n'));
  return `// Code generated by Polyglot Canvas. DO NOT EDIT: regenerate from the design instead.

//! Typed clients of the services this one calls.

// handlers decide which of these they use
#![allow(dead_code, unused_imports)]

${groups.join('\n\n')}

${parts.join('\n\n')}
`;
}

/** The alias of a gRPC client type in src/clients.rs. */
export function clientTypeName(fn: string, service: string): string {
  const target = fn
    .split('_')
    .filter((w) => w)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return `${target}${service}Client`;
}
