package predictionmarket_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
)

// TestEveryCustomErrorIsTested keeps the contract's promise that its Foundry tests trigger
// every custom error: an error added to PredictionMarket without a test expecting it
// fails here. The tests (contracts/test/PredictionMarket*.t.sol) name an expected error
// as PredictionMarket.<Name>.selector.
func TestEveryCustomErrorIsTested(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "contracts", "test", "PredictionMarket*.t.sol"))
	if err != nil || len(files) == 0 {
		t.Fatalf("find the market's tests: %v (%d files)", err, len(files))
	}
	var src []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = append(src, b...)
	}
	errs := predictionmarket.NewPredictionMarket().GetABI().Errors
	if len(errs) == 0 {
		t.Fatal("the binding's ABI declares no errors")
	}
	for name := range errs {
		if strings.HasPrefix(name, "Ownable") || strings.HasPrefix(name, "SafeERC20") || strings.HasPrefix(name, "ReentrancyGuard") {
			continue // OpenZeppelin's own errors, not the market's
		}
		if !strings.Contains(string(src), "PredictionMarket."+name+".selector") {
			t.Errorf("custom error %s is never expected in contracts/test/PredictionMarket*.t.sol", name)
		}
	}
}
