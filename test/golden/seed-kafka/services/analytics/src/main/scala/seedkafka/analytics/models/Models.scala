// Generated from the design: regenerating the project replaces this file.
package seedkafka.analytics.models

import io.circe.derivation.{Configuration, ConfiguredCodec, ConfiguredEnumCodec}

/**
 * The types of the REST bodies, answers and parameters and of the message payloads this service
 * serves, calls and exchanges, as JSON carries them (field names are the JSON keys). A field that
 * is not set is None, an empty list or an empty map, and is left out of the JSON.
 */
object Models:
  /** Missing keys take the defaults; enums are their value names. */
  given Configuration = Configuration.default.withDefaults

  /** seedkafka.v1.UserActivityMessage */
  final case class UserActivityMessage(
      `user_id`: Option[String] = None,
      `action`: Option[String] = None,
      `at`: Option[String] = None,
      `duration_ms`: Option[Long] = None,
  ) derives ConfiguredCodec
