// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

import (
	"context"

	"etc-passwd.local/service/api"
)

// GetEtcByUserId serves GET /etc/{user_id}.
func GetEtcByUserId(ctx context.Context, userId string) (api.GetEtcByUserIdResponse, error) {
	// TODO: replace the sample answer with your logic.
	return api.GetEtcByUserIdResponse{FromValue: "sample-from_value", PathValue: "sample-path_value", ClassValue: "sample-class_value", QuotedField: "sample-quoted_field", NaiveField: 0.5, Field1st: 42, ServiceValue: true}, nil
}

// PostItemsScriptX1Frag serves POST /items/script-x-1-frag.
func PostItemsScriptX1Frag(ctx context.Context, req api.PostItemsScriptX1FragRequest) (api.PostItemsScriptX1FragResponse, error) {
	// TODO: replace the sample answer with your logic.
	return api.PostItemsScriptX1FragResponse{Ok: true}, nil
}
