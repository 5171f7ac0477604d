// axum's hello world: one route on a Router, axum::serve on a tokio TcpListener, as the stub runs it.
// Cargo.toml and Cargo.lock are the stub's (package renamed), so both build the same crates.

use axum::{routing::get, Json, Router};
use serde_json::Value;

async fn healthz() -> Json<Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/healthz", get(healthz));
    let port = std::env::var("PORT").unwrap_or_else(|_| "8080".into());
    let listener = tokio::net::TcpListener::bind(format!("0.0.0.0:{port}")).await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
