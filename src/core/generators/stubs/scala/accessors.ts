import { protocCamel } from '../java/names';

/** Field names whose accessors protoc decorates with a trailing `_` (they clash with its own). */
const PROTOC_FORBIDDEN = [
  'class',
  'initialized',
  'serialized_size',
  'all_fields',
  'default_instance_for_type',
  'descriptor_for_type',
  'initialization_error_string',
  'unknown_fields',
  'cached_size',
].map((w) => protocCamel(w, true));

/** The capitalised accessor stem protoc gives a field: `tree_json` -> `TreeJson` (`setTreeJson`). */
export function protoAccessor(fieldName: string): string {
  const stem = protocCamel(fieldName, true);
  return PROTOC_FORBIDDEN.includes(stem) ? `${stem}_` : stem;
}
