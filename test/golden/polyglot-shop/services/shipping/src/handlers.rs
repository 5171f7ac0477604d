//! Yours to edit: the generated plumbing calls these functions and never overwrites this file.
//! Typed clients of the services this one calls are in crate::clients; the types are in
//! crate::api (REST bodies) and crate::proto (gRPC messages), the sample data in crate::samples.

#![allow(unused_variables, unused_imports, dead_code)]

use crate::api::{self, BoxError, Problem};
use crate::samples;

/// Each message consumed from order-placed on rabbitmq; the plumbing already lists it in /ping.
pub async fn on_order_placed(message: api::Message) -> Result<(), BoxError> {
    // TODO: handle the message.
    println!("received {} from {} on {}", message.id, message.from, message.topic);
    Ok(())
}
