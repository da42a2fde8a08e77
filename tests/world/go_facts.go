// Claims the pages make about Go's net/http, run for real on loopback: tests/world/client-facts.test.ts
// runs this with `go run` and checks each answer against what the pages say. Every server listens on
// 127.0.0.1 on a free port. Prints one JSON object; asserts nothing itself.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

func main() {
	out := map[string]any{"version": runtime.Version()}

	// 400 (and any 4xx/5xx): Client.Do returns the response and a nil error.
	{
		srv := serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "bad", http.StatusBadRequest)
		}))
		res, err := http.Get(srv)
		out["get400"] = map[string]any{"status": res.StatusCode, "err": err == nil}
		res.Body.Close()
	}

	// 405: ServeMux's method patterns (Go 1.22) answer a wrong method with 405 and Allow.
	{
		mux := http.NewServeMux()
		mux.HandleFunc("GET /thing", func(w http.ResponseWriter, r *http.Request) {})
		mux.HandleFunc("PUT /thing", func(w http.ResponseWriter, r *http.Request) {})
		srv := serve(mux)
		res, _ := http.Post(srv+"/thing", "text/plain", strings.NewReader("x"))
		res.Body.Close()
		other, _ := http.Get(srv + "/nothing")
		other.Body.Close()
		out["mux"] = map[string]any{"post": res.StatusCode, "allow": res.Header.Get("Allow"), "unknown": other.StatusCode}
	}

	// 408 on an idle keep-alive connection: the transport takes it as the server closing that
	// connection, and the next request goes out on a new one, without an error.
	{
		ln, _ := net.Listen("tcp", "127.0.0.1:0")
		var conns atomic.Int32
		closed := make(chan struct{}, 1)
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				n := conns.Add(1)
				go func(c net.Conn, n int32) {
					defer c.Close()
					br := bufio.NewReader(c)
					readHead(br)
					io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
					if n == 1 {
						// Idle: the server times the connection out with a 408, then closes it.
						time.Sleep(50 * time.Millisecond)
						io.WriteString(c, "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
						c.Close()
						closed <- struct{}{}
					}
				}(c, n)
			}
		}()
		client := &http.Client{Transport: &http.Transport{}}
		base := "http://" + ln.Addr().String()
		first, err1 := client.Get(base + "/")
		io.Copy(io.Discard, first.Body)
		first.Body.Close()
		<-closed
		time.Sleep(200 * time.Millisecond)
		second, err2 := client.Get(base + "/")
		status := 0
		if err2 == nil {
			status = second.StatusCode
			second.Body.Close()
		}
		out["idle408"] = map[string]any{"first": err1 == nil, "second": status, "secondErr": errString(err2), "connections": conns.Load()}
		ln.Close()
	}

	// 418: the constant and its text.
	out["teapot"] = map[string]any{"code": http.StatusTeapot, "text": http.StatusText(http.StatusTeapot)}

	b, _ := json.Marshal(out)
	fmt.Println(string(b))
}

func serve(h http.Handler) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(ln, h)
	return "http://" + ln.Addr().String()
}

func readHead(br *bufio.Reader) {
	for {
		line, err := br.ReadString('\n')
		if err != nil || line == "\r\n" {
			return
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
