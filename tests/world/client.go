// What Go's net/http client sees from the simulator: tests/world/clients.test.ts runs this with
// `go run`. Usage: client BASE_URL CODE... ; prints JSON: the Go version, and per code the final
// status, the interim (1xx) statuses httptrace reported, and the body length.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/textproto"
	"os"
	"runtime"
	"time"
)

type seen struct {
	Status  int    `json:"status"`
	Interim []int  `json:"interim"`
	Bytes   int    `json:"bytes"`
	Error   string `json:"error,omitempty"`
}

func main() {
	base := os.Args[1]
	client := &http.Client{
		Timeout:       5 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	out := map[string]any{"version": runtime.Version()}
	codes := map[string]seen{}
	for _, code := range os.Args[2:] {
		s := seen{Interim: []int{}}
		trace := &httptrace.ClientTrace{
			Got1xxResponse: func(status int, _ textproto.MIMEHeader) error {
				s.Interim = append(s.Interim, status)
				return nil
			},
		}
		req, _ := http.NewRequest("GET", base+"/api/status/"+code, nil)
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), trace))
		res, err := client.Do(req)
		if err != nil {
			s.Error = err.Error()
		} else {
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			s.Status = res.StatusCode
			s.Bytes = len(body)
		}
		codes[code] = s
	}
	out["codes"] = codes
	b, _ := json.Marshal(out)
	fmt.Println(string(b))
}
