//go:build ignore

// Prints net/http's Status* constants as JSON ({"404": ["StatusNotFound"], ...}), read from the
// toolchain's own source of net/http and evaluated by go/types, so nothing is typed by hand.
package main

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

func main() {
	fset := token.NewFileSet()
	file := filepath.Join(runtime.GOROOT(), "src", "net", "http", "status.go")
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		panic(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("http", fset, []*ast.File{f}, nil)
	if err != nil {
		panic(err)
	}
	out := map[string][]string{}
	for _, name := range pkg.Scope().Names() {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || !strings.HasPrefix(name, "Status") || !c.Exported() {
			continue
		}
		v, _ := constant.Int64Val(c.Val())
		key := constant.MakeInt64(v).ExactString()
		out[key] = append(out[key], name)
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{"version": runtime.Version(), "constants": out})
}
