// Package emissionspb holds the Go code generated from the gateway's wire-compatible
// copies of the Allora emissions module's messages (relayer/allora/proto): one
// subpackage per protobuf package, emissionsv3 for the shared ValueBundle and Topic,
// emissionsv5 to emissionsv9 for the ValueBundle-era queries and emissionsv10 for the
// labelled NetworkInferenceBundle. Never edit the .pb.go files: change the .proto files
// and run go generate here; a test fails when they are out of date.
package emissionspb

//go:generate go run ../internal/pbgen/cmd/pbgen -proto ../proto -root ../../..
