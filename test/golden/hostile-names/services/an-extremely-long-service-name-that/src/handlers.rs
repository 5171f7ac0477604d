//! Yours to edit: the generated plumbing calls these functions and never overwrites this file.
//! Typed clients of the services this one calls are in crate::clients.

#![allow(unused_variables, unused_imports, dead_code)]

use crate::api::{self, BoxError};
use crate::proto::anextremelylongservicenamethatkeepsgoing_v1 as pb;
use tonic::Status;

/// The AnExtremelyLongServiceNameThatKeepsGoing RPC.
pub async fn an_extremely_long_service_name_that(request: pb::AnExtremelyLongServiceNameThatKeepsGoingRequest) -> Result<pb::AnExtremelyLongServiceNameThatKeepsGoingResponse, Status> {
    // TODO: replace the sample answer with your logic.
    Ok(pb::AnExtremelyLongServiceNameThatKeepsGoingResponse {
        class_value: "sample-class_value".to_string(),
        package_value: "sample-package_value".to_string(),
    })
}

/// Each message consumed from topic-drop on reboot; `message.payload` holds an api::TopicDropPayload.
pub async fn on_topic_drop(message: api::Message) -> Result<(), BoxError> {
    // TODO: handle the message.
    println!("received {} from {} on {}", message.id, message.from, message.topic);
    Ok(())
}
