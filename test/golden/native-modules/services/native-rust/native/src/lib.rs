//! The service's hot path in Rust: a Python module through PyO3, built by maturin into a wheel.
//! Yours to edit: the stub calls `hotpath.checksum(text)` on every /ping (see
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

/// The Python module `hotpath`.
#[pymodule]
fn hotpath(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(checksum, m)?)?;
    Ok(())
}
