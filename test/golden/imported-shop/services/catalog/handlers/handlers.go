// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

import (
	"context"

	"catalog.local/service/api"
)

// GetCatalogById serves GET /catalog/{id}.
func GetCatalogById(ctx context.Context, id string) (api.GetCatalogByIdResponse, error) {
	// TODO: replace the sample answer with your logic.
	return api.GetCatalogByIdResponse{Id: "sample-id", Status: "sample-status"}, nil
}
