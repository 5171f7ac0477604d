// Package handlers is yours to edit: this service serves no endpoint, RPC or topic yet.
package handlers
