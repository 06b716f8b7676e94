package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/relayer/signguard"
)

func newKeysRecordCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "record",
		Short: "Export and import a signer's slashing-protection record",
		Long: `record moves a slashing-protection record (signers.record of a relayer, cosign.record
of a co-signer) between machines. The record holds, per signer, chain, oracle and topic,
the highest version signed and the update signed at it; a signer refuses anything that
would contradict it. Moving a key without its record lets the new machine sign a second
value for a height the old one signed.

Stop the process that uses the record first: the file is locked while it runs.
'export' writes the record as JSON (interchange format version 1, see docs/operators.md);
'import' merges such a file into a record, keeping the higher version of each entry,
and creates the record if it does not exist.`,
		Example: `  allora-gateway keys record export --record /var/lib/allora-gateway/keys/cosigner.record.db > record.json
  allora-gateway keys record import --record /var/lib/allora-gateway/keys/cosigner.record.db --file record.json`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newKeysRecordExportCmd(stdout), newKeysRecordImportCmd(stdout))
	return cmd
}

func newKeysRecordExportCmd(stdout io.Writer) *cobra.Command {
	var path string
	cmd := &cobra.Command{
		Use:   "export --record FILE",
		Short: "Write a slashing-protection record as interchange JSON to standard output",
		Long: `export writes every entry of a slashing-protection record (signer, chain id, oracle,
topic, the highest version signed and the update signed at it) as interchange JSON,
format version 1. Stop the process using the record first: it holds the file's lock.`,
		Example: `  allora-gateway keys record export --record /var/lib/allora-gateway/keys/cosigner.record.db > record.json`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if _, err := os.Stat(path); err != nil {
				return fmt.Errorf("record %s: %w", path, err)
			}
			r, err := signguard.Open(path)
			if err != nil {
				return err
			}
			defer r.Close()
			return r.Export(stdout)
		},
	}
	cmd.Flags().StringVar(&path, "record", "", "the record file (signers.record or cosign.record)")
	_ = cmd.MarkFlagRequired("record")
	return cmd
}

func newKeysRecordImportCmd(stdout io.Writer) *cobra.Command {
	var path, file string
	cmd := &cobra.Command{
		Use:   "import --record FILE --file JSON",
		Short: "Merge interchange JSON into a slashing-protection record, keeping the higher version",
		Long: `import merges an interchange file written by export into a record, creating it if
need be: for each entry it keeps the higher version of the file's and the record's. A
file with an unknown format version, an unknown field or a bad entry changes nothing.
Stop the process using the record first: it holds the file's lock.`,
		Example: `  allora-gateway keys record import --record /var/lib/allora-gateway/keys/cosigner.record.db --file record.json`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			in, err := os.Open(file)
			if err != nil {
				return err
			}
			defer in.Close()
			r, err := signguard.Open(path)
			if err != nil {
				return err
			}
			defer r.Close()
			st, err := r.Import(in)
			if err != nil {
				return fmt.Errorf("%s: %w", file, err)
			}
			_, err = fmt.Fprintf(stdout, "imported %s into %s: %d added, %d raised, %d kept (the record's were as high), %d conflicting (the record's kept)\n",
				file, path, st.Added, st.Raised, st.Kept, st.Conflicts)
			return err
		},
	}
	cmd.Flags().StringVar(&path, "record", "", "the record file (signers.record or cosign.record)")
	cmd.Flags().StringVar(&file, "file", "", "the interchange JSON to import")
	_ = cmd.MarkFlagRequired("record")
	_ = cmd.MarkFlagRequired("file")
	return cmd
}
