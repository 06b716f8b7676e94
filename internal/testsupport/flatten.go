package testsupport

// Flatten sends, one by one and in order, every element of every slice ch carries, on
// the channel it returns, which closes once ch has closed. A test that reads events one
// at a time from a feed that delivers them in groups reads them through it; it must
// read the returned channel until it closes, as it would read ch.
func Flatten[T any](ch <-chan []T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for group := range ch {
			for _, v := range group {
				out <- v
			}
		}
	}()
	return out
}
