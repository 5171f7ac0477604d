# Starts the service: `ruby app.rb` (in the image: `bundle exec ruby app.rb`). Generated: do not edit.
require_relative "lib/plumbing/server"
require_relative "handlers"

Plumbing.run
