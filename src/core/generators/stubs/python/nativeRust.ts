import { rustCargoLock } from '../locks/rust';

/**
 * The Rust module of a Python service (native kind `pyo3`): its own crate in `native/`, built by
 * maturin into a wheel that the service's virtual environment installs. Its one direct crate is
 * pinned exactly; its Cargo.lock comes from the `pyo3` group of the Rust lock data.
 */
export const PYO3_CRATES = {
  pyo3: '{ version = "=0.30.1", features = ["extension-module"] }',
} as const;

/** The module's name in Python and the crate's name, and the version of both. */
export const PYO3_MODULE = 'hotpath';
export const PYO3_MODULE_VERSION = '0.1.0';

/** `native/Cargo.toml` of the module (the lock script builds its lock from the same text). */
export function pyo3CargoToml(name: string = PYO3_MODULE): string {
  return `[package]
name = "${name}"
version = "${PYO3_MODULE_VERSION}"
edition = "2021"
rust-version = "1.83"
publish = false

# a Python extension module: maturin builds it into a wheel (see pyproject.toml)
[lib]
name = "${name}"
crate-type = ["cdylib"]

[dependencies]
${Object.entries(PYO3_CRATES)
  .map(([k, v]) => `${k} = ${v}`)
  .join('\n')}
`;
}

/** `native/Cargo.lock`: every crate of the module's build, exact and with its checksum. */
export function pyo3CargoLock(): string {
  return rustCargoLock(PYO3_MODULE, PYO3_MODULE_VERSION, ['pyo3'], Object.keys(PYO3_CRATES));
}

/** `native/pyproject.toml`: maturin as the build backend of the module's wheel. */
export const PYO3_PYPROJECT = `[build-system]
requires = ["maturin>=1.16,<2.0"]
build-backend = "maturin"

[project]
name = "${PYO3_MODULE}"
version = "${PYO3_MODULE_VERSION}"
description = "The service's hot path in Rust, a Python module through PyO3"
requires-python = ">=3.11"

[tool.maturin]
bindings = "pyo3"
`;

/** `native/src/lib.rs`: the function the stub calls on every /ping. */
export const PYO3_LIB_RS = `//! The service's hot path in Rust: a Python module through PyO3, built by maturin into a wheel.
//! Yours to edit: the stub calls \`${PYO3_MODULE}.checksum(text)\` on every /ping (see
//! app/plumbing/native.py); add functions here and call them from app/handlers.py.

use pyo3::prelude::*;

/// The Adler-32 checksum (RFC 1950) of the text's UTF-8 bytes.
#[pyfunction]
fn checksum(text: &str) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in text.as_bytes() {
        a = (a + u32::from(byte)) % MOD;
        b = (b + a) % MOD;
    }
    (b << 16) | a
}

/// The Python module \`${PYO3_MODULE}\`.
#[pymodule]
fn ${PYO3_MODULE}(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(checksum, m)?)?;
    Ok(())
}
`;
