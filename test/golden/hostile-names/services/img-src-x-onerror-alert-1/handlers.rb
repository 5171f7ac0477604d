# The code of img-src-x-onerror-alert-1 that is yours to edit: REST endpoints and the message hook.
# The plumbing (HTTP server, /healthz, /readyz, /ping, brokers, databases) lives in lib/plumbing
# and is generated: regenerating the project rewrites it, never this file.
require "json"

module Plumbing
  # The service's own routes, added to the generated app.
  class Server
    # GET /img/{id}
    get "/img/:id" do # path parameters: params["id"]
      # TODO: replace the sample data with your logic.
      json_answer({
        "html" => "sample-html"
      })
    end
  end
end

module Handlers
  # Called for each message consumed; message is the envelope {id, from, topic, path, payload}.
  def self.on_message(broker, topic, message)
    # TODO: react to the message. The plumbing already lists it under "received" in /ping.
  end
end
