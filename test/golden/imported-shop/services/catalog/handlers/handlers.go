// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

import (
	"context"
)


