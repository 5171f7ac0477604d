// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

import (
	"context"

	pb "catalog.local/service/gen/richcontracts/catalog/v1"
)

// GetProduct serves the GetProduct RPC.
func GetProduct(ctx context.Context, req *pb.GetProductRequest) (*pb.GetProductResponse, error) {
	// TODO: replace the sample answer with your logic.
	return &pb.GetProductResponse{}, nil
}

// Quote serves the Quote RPC.
func Quote(ctx context.Context, req *pb.QuoteRequest) (*pb.QuoteResponse, error) {
	// TODO: replace the sample answer with your logic.
	return &pb.QuoteResponse{}, nil
}
