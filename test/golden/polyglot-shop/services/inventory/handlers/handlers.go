// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

import (
	"context"

	pb "inventory.local/service/gen/polyglotshop/inventory/v1"
)

// Reserve serves the Reserve RPC.
func Reserve(ctx context.Context, req *pb.ReserveRequest) (*pb.ReserveResponse, error) {
	// TODO: replace the sample answer with your logic.
	return &pb.ReserveResponse{ReservedValue: true, Left: 42}, nil
}

// CheckStock serves the CheckStock RPC.
func CheckStock(ctx context.Context, req *pb.CheckStockRequest) (*pb.CheckStockResponse, error) {
	// TODO: replace the sample answer with your logic.
	return &pb.CheckStockResponse{Available: 42}, nil
}
