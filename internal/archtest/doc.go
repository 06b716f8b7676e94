// Package archtest holds the test that keeps the import rules of ARCHITECTURE.md: it
// reads the packages' imports from go list and checks them against the rules and
// against the package table.
package archtest
