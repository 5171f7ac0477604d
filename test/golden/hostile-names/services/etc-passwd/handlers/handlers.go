// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

import (
	"context"

	"etc-passwd.local/service/api"
)

// GetEtcByUserId serves GET /etc/{user_id}.
func GetEtcByUserId(ctx context.Context, userId string) (*api.GetEtcByUserIdResponse, error) {
	// TODO: replace the sample answer with your logic.
	return api.Sample[*api.GetEtcByUserIdResponse](`{"from_value":"from_value-sample","path_value":"path_value-sample","class_value":"class_value-sample","quoted_field":"quoted_field-sample","naive_field":5.5,"field_1st":6,"service_value":true}`), nil
}

// PostItemsScriptX1Frag serves POST /items/script-x-1-frag.
func PostItemsScriptX1Frag(ctx context.Context, body *api.PostItemsScriptX1FragRequest) (*api.PostItemsScriptX1FragResponse, error) {
	// TODO: replace the sample answer with your logic.
	return api.Sample[*api.PostItemsScriptX1FragResponse](`{"ok":true}`), nil
}
