//! Yours to edit: the generated plumbing calls these functions and never overwrites this file.
//! Typed clients of the services this one calls are in crate::clients; the types are in
//! crate::api (REST bodies) and crate::proto (gRPC messages), the sample data in crate::samples.

#![allow(unused_variables, unused_imports, dead_code)]

use tonic::Status;

use crate::api::{self, BoxError, Problem};
use crate::plumbing::contract;
use crate::samples;

use crate::proto::rmrfetc::anextremelylongservicenamethatkeepsgoing::v1 as rmrfetc_anextremelylongservicenamethatkeepsgoing_v1;

/// The AnExtremelyLongServiceNameThatKeepsGoing RPC of rmrfetc.anextremelylongservicenamethatkeepsgoing.v1.AnExtremelyLongServiceNameThatKeepsGoingService.
pub async fn an_extremely_long_service_name_that(
    request: rmrfetc_anextremelylongservicenamethatkeepsgoing_v1::AnExtremelyLongServiceNameThatKeepsGoingRequest,
) -> Result<rmrfetc_anextremelylongservicenamethatkeepsgoing_v1::AnExtremelyLongServiceNameThatKeepsGoingResponse, Status> {
    // TODO: replace the sample answer with your logic.
    contract::sample(&samples::AN_EXTREMELY_LONG_SERVICE_NAME_THAT_2)
}

/// Each message consumed from topic-drop on reboot; the plumbing already lists it in /ping.
pub async fn on_topic_drop(message: api::Message) -> Result<(), BoxError> {
    // TODO: handle the message.
    println!("received {} from {} on {}", message.id, message.from, message.topic);
    Ok(())
}
