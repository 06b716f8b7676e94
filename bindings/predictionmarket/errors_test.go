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
// fails here. The tests name an expected error as PredictionMarket.<Name>.selector.
func TestEveryCustomErrorIsTested(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "contracts", "test", "PredictionMarket.t.sol"))
	if err != nil {
		t.Fatal(err)
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
			t.Errorf("custom error %s is never expected in contracts/test/PredictionMarket.t.sol", name)
		}
	}
}
