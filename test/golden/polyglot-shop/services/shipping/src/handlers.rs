//! Yours to edit: the generated plumbing calls these functions and never overwrites this file.
//! Typed clients of the services this one calls are in crate::clients.

#![allow(unused_variables, unused_imports, dead_code)]

use crate::api::{self, BoxError};

/// Each message consumed from order-placed on rabbitmq; `message.payload` holds an api::OrderPlacedPayload.
pub async fn on_order_placed(message: api::Message) -> Result<(), BoxError> {
    // TODO: handle the message.
    println!("received {} from {} on {}", message.id, message.from, message.topic);
    Ok(())
}
