// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

import (
	"context"

	"google.golang.org/grpc"

	catalogv1 "catalog.local/service/gen/shop/catalog/v1"
	"catalog.local/service/internal/contract"
)

// GetProduct serves shop.catalog.v1.ProductCatalogService/GetProduct (unary).
func GetProduct(ctx context.Context, req *catalogv1.GetProductRequest) (*catalogv1.GetProductResponse, error) {
	// TODO: replace the sample answer with your logic.
	return contract.Sample[catalogv1.GetProductResponse](`{"product":{"sku":"sku-sample","name":"name-sample","price":{"currency_code":"currency_code-sample","units":2,"nanos":3},"category":"CATEGORY_BOOKS","tags":["tags-sample","tags-sample"],"attributes":{"k":"attributes-sample"},"stock":7,"variants":[{"id":"id-sample","options":[]},{"id":"id-sample","options":[]}]}}`), nil
}

// Quote serves shop.catalog.v1.ProductCatalogService/Quote (unary).
func Quote(ctx context.Context, req *catalogv1.QuoteRequest) (*catalogv1.QuoteResponse, error) {
	// TODO: replace the sample answer with your logic.
	return contract.Sample[catalogv1.QuoteResponse](`{"total":{"currency_code":"currency_code-sample","units":2,"nanos":3}}`), nil
}

// WatchPrices serves shop.catalog.v1.ProductCatalogService/WatchPrices (server-streaming).
func WatchPrices(req *catalogv1.WatchPricesRequest, stream grpc.ServerStreamingServer[catalogv1.WatchPricesResponse]) error {
	// TODO: replace the sample answer with your logic.
	return stream.Send(contract.Sample[catalogv1.WatchPricesResponse](`{"sku":"sku-sample","price":{"currency_code":"currency_code-sample","units":2,"nanos":3}}`))
}
