# The code of img-src-x-onerror-alert-1 that is yours to edit: the REST endpoints and the message hook.
# The plumbing (HTTP server, /healthz, /readyz, /ping, the routes that read and check each
# request, brokers, databases) lives in lib/plumbing and is generated: regenerating the project
# rewrites it, never this file. Values are JSON data as the contract types them: hashes with
# string keys (the JSON keys), arrays, strings, integers, floats, true and false; an error answer
# is raise Plumbing::Problem.new(404, "no such order"), sent as RFC 9457 application/problem+json.
require "json"

module Handlers
  # GET /img/{id}
  #   id: string (path, required)
  # Answers GetImgByIdResponse (HTTP 200).
  def self.get_img_by_id(id)
    # TODO: replace the sample answer with the real one.
    { "html" => "html-sample" }
  end

  # Called for each message consumed; message is the envelope {id, from, topic, path, payload}
  # (the plumbing already lists it under "received" in /ping, with whether the payload is the sample).
  def self.on_message(broker, topic, message)
    # TODO: react to the message.
  end
end
