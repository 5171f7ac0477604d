// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.models

import io.circe.Codec

// Each case class's fields are the JSON keys of the contract; circe derives the codecs.
/** The payload of the messages on user-activity. */
final case class UserActivityMessage(user_id: String, action: String, at: String, duration_ms: Long) derives Codec.AsObject
