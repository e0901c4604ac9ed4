#pragma once
// The stream benchmark's load generator, run as a process of its own (bench_api re-executes
// itself with --fanout-client) so that the clients' work is not charged to the server's process
// and threads. It opens N raw WebSocket connections and only parses what it measures: frame
// headers and the trailing "time" of each liquidation message.
//
//   bench_api --fanout-client PORT CLIENTS MESSAGES_PER_CLIENT DEADLINE_MS
//
// Prints "ready" once every handshake is answered, then, when every client has its messages or the
// deadline passed: "result <messages> <p50_us> <p99_us> <max_us> <closed_clients>".
namespace lhm::bench {
int runFanoutClient(int argc, char **argv);
}
