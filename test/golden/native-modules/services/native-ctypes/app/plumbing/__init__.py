"""Generated plumbing of the service contract. Regenerate, do not edit."""
