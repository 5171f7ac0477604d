// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

import (
	"context"

	inventoryv1 "inventory.local/service/gen/polyglotshop/inventory/v1"
	"inventory.local/service/internal/contract"
)

// Reserve serves polyglotshop.inventory.v1.InventoryService/Reserve (unary).
func Reserve(ctx context.Context, req *inventoryv1.ReserveRequest) (*inventoryv1.ReserveResponse, error) {
	// TODO: replace the sample answer with your logic.
	return contract.Sample[inventoryv1.ReserveResponse](`{"reserved_value":true,"left":2}`), nil
}

// CheckStock serves polyglotshop.inventory.v1.InventoryService/CheckStock (unary).
func CheckStock(ctx context.Context, req *inventoryv1.CheckStockRequest) (*inventoryv1.CheckStockResponse, error) {
	// TODO: replace the sample answer with your logic.
	return contract.Sample[inventoryv1.CheckStockResponse](`{"available":1}`), nil
}
