/**
 * The contracts of a design, normalised once: every gRPC service, REST endpoint and broker
 * channel with its types resolved and its names settled, so that a name means the same thing in
 * the `.proto`, the OpenAPI and AsyncAPI documents and every stub. See
 * notes/CONTRACTS-API.md for a guide.
 *
 * Entry point: `designContracts(design)`, computed once per design object (designs are never
 * changed in place) and shared: callers must not change what they get.
 */
export * from './design';
export * from './universe';
export * from './services';
export { SAMPLE_DEPTH, base64, sampleOfType, type JsonValue, type SampleContext } from './sample';
export * from './legacy';
